// Admin › Người dùng: the accounts in the administrator's scope (/api/v1/users)
// — filter, create, edit (If-Match, with the conflict choice of every record
// editor), reset a password, lift a lockout. Errors come from the server in
// the user's language; the form only keeps obvious mistakes from a round trip.
import { App, Button, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, KeyOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { getAll, request } from '../api/client';
import type { Role, UserAccount } from '../api/types';
import { label, ROLES } from '../i18n/labels';
import { formatDateTime } from '../lib/numbers';
import { useLoad } from '../lib/useLoad';
import { allowedOn, createBody, passwordProblem, toUserForm, updateBody, userQuery, type UserFilter, type UserFormValues } from '../lib/users';
import { useSession } from '../session';
import { InlineError, PageState, UnitSelect, useErrorText } from './common';
import { RecordFormModal } from './RecordForm';

const path = (username: string) => `users/${encodeURIComponent(username)}`;

/** The fields create and edit share; `self` locks what one may not change of one's own account. */
function AccountFields({ creating, self }: { creating: boolean; self: boolean }) {
  const { tr, lang } = useSession();
  const form = Form.useFormInstance<UserFormValues>();
  return (
    <>
      <Form.Item
        name="username"
        label={tr('Tên đăng nhập', 'Username')}
        rules={[{ required: true, pattern: /^\S{1,64}$/, message: tr('Nhập tên đăng nhập, không có dấu cách', 'Enter a user name without spaces') }]}
      >
        <Input disabled={!creating} autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={tr('Họ và tên', 'Full name')}>
        <Input />
      </Form.Item>
      <Form.Item name="unit" label={tr('Đơn vị', 'Unit')} rules={[{ required: true, message: tr('Chọn đơn vị', 'Choose a unit') }]}>
        {self ? <Input disabled /> : <UnitSelect onChange={(u) => form.setFieldValue('unit', u)} />}
      </Form.Item>
      <Form.Item name="role" label={tr('Vai trò', 'Role')} rules={[{ required: true }]}>
        <Select disabled={self} aria-label={tr('Vai trò', 'Role')} options={Object.keys(ROLES).map((r) => ({ value: r, label: label(ROLES, r, lang) }))} />
      </Form.Item>
      <Form.Item name="email" label={tr('Thư điện tử (nhận nhắc hạn)', 'E-mail (for reminders)')} rules={[{ type: 'email', message: tr('Địa chỉ thư không hợp lệ', 'Not a valid e-mail address') }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="language" label={tr('Ngôn ngữ thông báo', 'Language of notifications')}>
        <Select
          aria-label={tr('Ngôn ngữ thông báo', 'Language of notifications')}
          options={[
            { value: '', label: tr('Mặc định (Tiếng Việt)', 'Default (Vietnamese)') },
            { value: 'vi', label: 'Tiếng Việt' },
            { value: 'en', label: 'English' },
          ]}
        />
      </Form.Item>
      {creating ? (
        <PasswordField label={tr('Mật khẩu ban đầu', 'Initial password')} />
      ) : (
        <Form.Item name="active" valuePropName="checked">
          <Checkbox disabled={self}>{tr('Tài khoản đang hoạt động (bỏ chọn để tắt đăng nhập)', 'Account active (untick to stop it signing in)')}</Checkbox>
        </Form.Item>
      )}
      {self && (
        <Typography.Paragraph type="secondary" className="note">
          {tr('Không thể tự đổi vai trò, đơn vị hay tắt tài khoản của chính mình.', 'You cannot change your own role or unit or switch off your own account.')}
        </Typography.Paragraph>
      )}
    </>
  );
}

function PasswordField({ label: text }: { label: string }) {
  const { lang } = useSession();
  return (
    <Form.Item
      name="password"
      label={text}
      rules={[{ validator: (_, v) => { const p = passwordProblem(v); return p ? Promise.reject(new Error(p[lang])) : Promise.resolve(); } }]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}

function CreateUserModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (a: UserAccount) => void }) {
  const { tr, user } = useSession();
  const [form] = Form.useForm<UserFormValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    let v: UserFormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      onSaved((await request<UserAccount>('users', { method: 'POST', body: createBody(v) })).data);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={tr('Thêm người dùng', 'Add a user')}
      onCancel={onClose}
      onOk={save}
      okText={tr('Tạo tài khoản', 'Create account')}
      cancelText={tr('Hủy', 'Cancel')}
      confirmLoading={saving}
      destroyOnClose
      maskClosable={false}
      okButtonProps={{ 'data-testid': 'user-create-save' } as never}
    >
      <InlineError error={error} />
      <div data-testid="user-create-form">
        <Form form={form} layout="vertical" initialValues={toUserForm(undefined, user!.unit)} preserve={false}>
          <AccountFields creating self={false} />
        </Form>
      </div>
    </Modal>
  );
}

function ResetPasswordModal({ account, onClose }: { account: UserAccount | null; onClose: () => void }) {
  const { tr } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    let v: { password: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    try {
      await request(`${path(account!.username)}/password`, { method: 'POST', body: { password: v.password } });
      message.success(tr(`Đã đặt lại mật khẩu của ${account!.username}; các phiên đăng nhập của tài khoản đã kết thúc.`, `Password of ${account!.username} reset; the account's sessions have ended.`));
      onClose();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Modal
      open={!!account}
      title={`${tr('Đặt lại mật khẩu', 'Reset password')}: ${account?.username ?? ''}`}
      onCancel={onClose}
      onOk={save}
      okText={tr('Đặt lại', 'Reset')}
      cancelText={tr('Hủy', 'Cancel')}
      destroyOnClose
    >
      <InlineError error={error} />
      <Form form={form} layout="vertical" preserve={false}>
        <PasswordField label={tr('Mật khẩu mới', 'New password')} />
      </Form>
      <Typography.Paragraph type="secondary" className="note">
        {tr('Người dùng sẽ bị đăng xuất khỏi mọi phiên và đăng nhập lại bằng mật khẩu mới.', 'The user is signed out everywhere and signs in again with the new password.')}
      </Typography.Paragraph>
    </Modal>
  );
}

export function UsersTab() {
  const { tr, lang, user, unitName } = useSession();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [filter, setFilter] = useState<UserFilter>({});
  const users = useLoad(() => getAll<UserAccount>('users', userQuery(filter)), [filter.unit, filter.role, filter.text]);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserAccount | null>(null);
  const [resetting, setResetting] = useState<UserAccount | null>(null);
  const unlock = async (a: UserAccount) => {
    try {
      await request(`${path(a.username)}/unlock`, { method: 'POST', body: {} });
      message.success(tr(`Đã mở khóa ${a.username}`, `${a.username} unlocked`));
      users.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const filtered = !!(filter.unit || filter.role || filter.text);
  return (
    <Space direction="vertical" className="full-width">
      <div className="filters tab-action" data-testid="user-filters">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-add">
          {tr('Thêm người dùng', 'Add a user')}
        </Button>
        <Input.Search
          aria-label={tr('Tìm người dùng', 'Search users')}
          placeholder={tr('Tên đăng nhập, họ tên, thư', 'User name, name, e-mail')}
          allowClear
          onSearch={(text) => setFilter((f) => ({ ...f, text }))}
          className="filter-search"
          data-testid="user-search"
        />
        <UnitSelect value={filter.unit} onChange={(unit) => setFilter((f) => ({ ...f, unit }))} style={{ minWidth: 220 }} />
        <Select
          aria-label={tr('Lọc theo vai trò', 'Filter by role')}
          allowClear
          placeholder={tr('Vai trò', 'Role')}
          value={filter.role}
          onChange={(role?: Role) => setFilter((f) => ({ ...f, role }))}
          options={Object.keys(ROLES).map((r) => ({ value: r, label: label(ROLES, r, lang) }))}
          className="filter-select"
        />
        {filtered && (
          <Button type="link" onClick={() => setFilter({})}>
            {tr('Bỏ lọc', 'Clear filters')}
          </Button>
        )}
      </div>
      <PageState loading={users.loading} error={users.error} onRetry={users.reload}>
        <Table
          data-testid="user-table"
          rowKey="username"
          size="small"
          dataSource={users.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: tr('Không có người dùng nào khớp bộ lọc', 'No user matches the filters') }}
          columns={[
            { title: tr('Tên đăng nhập', 'Username'), dataIndex: 'username', width: 150 },
            { title: tr('Họ và tên', 'Name'), dataIndex: 'displayName', render: (n: string) => <span className="wrap-text">{n}</span> },
            { title: tr('Đơn vị', 'Unit'), dataIndex: 'unit', width: 190, render: (u: string) => unitName(u) },
            { title: tr('Vai trò', 'Role'), dataIndex: 'role', width: 130, render: (r: string) => label(ROLES, r, lang) },
            { title: tr('Thư điện tử', 'E-mail'), dataIndex: 'email', width: 200, render: (e: string) => <span className="wrap-text">{e}</span> },
            {
              title: tr('Trạng thái', 'Status'),
              key: 'state',
              width: 150,
              render: (_: unknown, a: UserAccount) => (
                <Space size={4} wrap>
                  {!a.active && <Tag>{tr('Đã tắt', 'Switched off')}</Tag>}
                  {a.locked && (
                    <Tooltip title={`${tr('Đến', 'Until')} ${formatDateTime(a.lockedUntil ?? '', lang)}`}>
                      <Tag color="red" data-testid={`user-locked-${a.username}`}>
                        {tr('Tạm khóa', 'Locked')}
                      </Tag>
                    </Tooltip>
                  )}
                  {a.active && !a.locked && <Tag color="green">{tr('Hoạt động', 'Active')}</Tag>}
                </Space>
              ),
            },
            {
              title: '',
              key: 'actions',
              width: 130,
              render: (_: unknown, a: UserAccount) => {
                const may = allowedOn(a, user);
                return (
                  <Space size={4}>
                    <Button size="small" icon={<EditOutlined />} aria-label={`${tr('Sửa', 'Edit')} ${a.username}`} onClick={() => setEditing(a)} data-testid={`user-edit-${a.username}`} />
                    {may.resetPassword && (
                      <Button size="small" icon={<KeyOutlined />} aria-label={`${tr('Đặt lại mật khẩu', 'Reset password')} ${a.username}`} onClick={() => setResetting(a)} data-testid={`user-reset-${a.username}`} />
                    )}
                    {may.unlock && (
                      <Popconfirm title={tr(`Mở khóa ${a.username}?`, `Unlock ${a.username}?`)} okText={tr('Mở khóa', 'Unlock')} cancelText={tr('Hủy', 'Cancel')} onConfirm={() => unlock(a)}>
                        <Button size="small" icon={<UnlockOutlined />} aria-label={`${tr('Mở khóa', 'Unlock')} ${a.username}`} data-testid={`user-unlock-${a.username}`} />
                      </Popconfirm>
                    )}
                  </Space>
                );
              },
            },
          ]}
        />
      </PageState>
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(a) => {
          setCreating(false);
          message.success(tr(`Đã tạo tài khoản ${a.username}`, `Account ${a.username} created`));
          users.reload();
        }}
      />
      <RecordFormModal<UserAccount, UserFormValues>
        open={!!editing}
        creating={false}
        record={editing ?? undefined}
        testId="user-edit-form"
        title={`${tr('Sửa người dùng', 'Edit user')}: ${editing?.username ?? ''}`}
        pathOf={(_, a) => path(a!.username)}
        toForm={(a) => toUserForm(a, user!.unit)}
        toBody={(v, a) => updateBody(v, a!)}
        describe={(a) => (
          <strong>
            {a.displayName || a.username} — {unitName(a.unit)}, {label(ROLES, a.role, lang)}
          </strong>
        )}
        onClose={() => setEditing(null)}
        onSaved={(a) => {
          setEditing(null);
          message.success(tr(`Đã lưu tài khoản ${a.username}`, `Account ${a.username} saved`));
          users.reload();
        }}
      >
        {() => <AccountFields creating={false} self={editing?.username === user?.username} />}
      </RecordFormModal>
      <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />
    </Space>
  );
}
