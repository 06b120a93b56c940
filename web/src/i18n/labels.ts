// Vietnamese and English names of the enumerations (docs/metadata-format.md).
type L = Record<string, [string, string]>;

export const UNIT_TYPES: L = {
  province: ['Tỉnh', 'Province'],
  city: ['Thành phố', 'City'],
  district: ['Quận, huyện', 'District'],
  ward: ['Phường', 'Ward'],
  commune: ['Xã', 'Commune'],
  party_committee: ['Đảng ủy / Thành ủy', 'Party committee'],
  peoples_committee: ['Ủy ban nhân dân', "People's committee"],
  department: ['Ban, phòng', 'Department'],
  party_cell: ['Chi bộ', 'Party cell'],
  residential_block: ['Khối, thôn', 'Residential block'],
};
export const STATUS: L = {
  exceeded: ['Vượt', 'Exceeded'],
  met: ['Đạt', 'Met'],
  nearly_met: ['Gần đạt', 'Nearly met'],
  not_met: ['Chưa đạt', 'Not met'],
  no_data: ['Chưa có số liệu', 'No data'],
  no_target: ['Chưa có chỉ tiêu', 'No target'],
};
export const STATUS_COLOR: Record<string, string> = {
  exceeded: 'green',
  met: 'cyan',
  nearly_met: 'gold',
  not_met: 'red',
  no_data: 'default',
  no_target: 'default',
};
export const TASK_STATUS: L = {
  not_started: ['Chưa triển khai', 'Not started'],
  in_progress: ['Đang thực hiện', 'In progress'],
  completed: ['Hoàn thành', 'Completed'],
  cancelled: ['Đã hủy', 'Cancelled'],
};
export const TASK_STATUS_COLOR: Record<string, string> = {
  not_started: 'default',
  in_progress: 'processing',
  completed: 'success',
  cancelled: 'warning',
};
export const ACTIVITY_KINDS: L = {
  study_session: ['Học tập, quán triệt', 'Study session'],
  model_meeting: ['Sinh hoạt chi bộ mẫu', 'Model party-cell meeting'],
  contest: ['Hội thi', 'Contest'],
  propaganda: ['Tuyên truyền, vận động', 'Propaganda'],
  inspection: ['Kiểm tra, giám sát', 'Inspection'],
};
export const DOC_KINDS: L = {
  resolution: ['Nghị quyết', 'Resolution'],
  thematic_resolution: ['Nghị quyết chuyên đề', 'Thematic resolution'],
  directive: ['Chỉ thị', 'Directive'],
  conclusion: ['Kết luận', 'Conclusion'],
  project: ['Đề án', 'Project'],
  program: ['Chương trình', 'Program'],
  plan: ['Kế hoạch', 'Plan'],
  regulation: ['Quy chế, quy định', 'Regulation'],
  guidance: ['Hướng dẫn', 'Guidance'],
  decision: ['Quyết định', 'Decision'],
  report: ['Báo cáo', 'Report'],
};
export const DOC_STATUS: L = {
  in_force: ['Còn hiệu lực', 'In force'],
  amended: ['Đã sửa đổi', 'Amended'],
  replaced: ['Đã thay thế', 'Replaced'],
  expired: ['Hết hiệu lực', 'Expired'],
};
export const DIRECTIONS: L = {
  higher_is_better: ['Càng cao càng tốt', 'Higher is better'],
  lower_is_better: ['Càng thấp càng tốt', 'Lower is better'],
  at_least: ['Tối thiểu', 'At least'],
  at_most: ['Tối đa', 'At most'],
  yes_no: ['Có / không', 'Yes / no'],
};
export const AGGREGATIONS: L = {
  sum: ['Cộng dồn', 'Sum'],
  average: ['Bình quân', 'Average'],
  rate: ['Tỷ lệ tính lại từ tử số, mẫu số', 'Rate from its parts'],
  last: ['Giá trị cuối kỳ', 'Last value'],
  min: ['Nhỏ nhất', 'Minimum'],
  max: ['Lớn nhất', 'Maximum'],
  count: ['Đếm', 'Count'],
  none: ['Không tổng hợp', 'Not aggregated'],
};
export const VALUE_TYPES: L = {
  number: ['Số', 'Number'],
  percent: ['Tỷ lệ %', 'Percent'],
  count: ['Số đếm', 'Count'],
  money: ['Tiền (đồng)', 'Money (VND)'],
  yes_no: ['Có / không', 'Yes / no'],
};
export const TARGET_SOURCES: L = {
  resolution: ['Nghị quyết', 'Resolution'],
  annual_plan: ['Kế hoạch năm', 'Annual plan'],
  assigned_by_superior: ['Cấp trên giao', 'Assigned by the level above'],
};
export const ROLES: L = {
  admin: ['Quản trị', 'Administrator'],
  planner: ['Kế hoạch', 'Planner'],
  reporter: ['Báo cáo số liệu', 'Reporter'],
  approver: ['Phê duyệt', 'Approver'],
  viewer: ['Xem', 'Viewer'],
};
export const VALUE_KINDS: L = {
  estimate: ['Ước thực hiện', 'Estimate'],
  official: ['Chính thức', 'Official'],
};

export function label(table: L, code: string | undefined | null, lang: 'vi' | 'en'): string {
  if (!code) return '';
  const e = table[code];
  return e ? e[lang === 'vi' ? 0 : 1] : code;
}
