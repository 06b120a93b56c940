import {
  App as AntApp,
  Button,
  ConfigProvider,
  Dropdown,
  Layout,
  Menu,
  Spin,
  Typography,
} from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import {
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  DashboardOutlined,
  EditOutlined,
  FileTextOutlined,
  GlobalOutlined,
  LogoutOutlined,
  PartitionOutlined,
  ProfileOutlined,
  SettingOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from './session';
import { LoginPage } from './pages/Login';
import { DashboardPage } from './pages/Dashboard';
import { PlanPage } from './pages/Plan';
import { IndicatorPage } from './pages/Indicator';
import { DataEntryPage } from './pages/DataEntry';
import { TasksPage, TaskDetailPage } from './pages/Tasks';
import { DocumentsPage, DocumentDetailPage } from './pages/Documents';
import { ActivitiesPage, ActivityDetailPage } from './pages/Activities';
import { SearchPage } from './pages/Search';
import { GlobalSearch } from './components/GlobalSearch';
import { NotificationBell } from './components/NotificationBell';
import { ReportsPage } from './pages/Reports';
import { AdminPage } from './pages/Admin';
import { ProfilePage } from './pages/Profile';
import { label, ROLES } from './i18n/labels';
import { theme } from './theme';

const { Header, Sider, Content } = Layout;

function Shell() {
  const { user, tr, lang, setLang, logout, unitName, catalog } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const keep = (path: string) => {
    const p = new URLSearchParams(location.search);
    const q = new URLSearchParams();
    for (const k of ['unit', 'period']) if (p.get(k)) q.set(k, p.get(k)!);
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  };
  const items = [
    { key: '/', icon: <DashboardOutlined />, label: <Link to={keep('/')}>{tr('Tổng quan', 'Dashboard')}</Link> },
    { key: '/plan', icon: <PartitionOutlined />, label: <Link to={keep('/plan')}>{tr('Nghị quyết', 'Resolution')}</Link> },
    { key: '/indicators', icon: <BarChartOutlined />, label: <Link to={keep('/indicators')}>{tr('Chỉ tiêu', 'Indicators')}</Link> },
    { key: '/entry', icon: <EditOutlined />, label: <Link to={keep('/entry')}>{tr('Nhập số liệu', 'Data entry')}</Link> },
    { key: '/tasks', icon: <UnorderedListOutlined />, label: <Link to={keep('/tasks')}>{tr('Nhiệm vụ', 'Tasks')}</Link> },
    { key: '/documents', icon: <FileTextOutlined />, label: <Link to={keep('/documents')}>{tr('Văn bản', 'Documents')}</Link> },
    { key: '/activities', icon: <CalendarOutlined />, label: <Link to={keep('/activities')}>{tr('Hoạt động', 'Activities')}</Link> },
    { key: '/reports', icon: <ProfileOutlined />, label: <Link to={keep('/reports')}>{tr('Báo cáo', 'Reports')}</Link> },
    { key: '/admin', icon: <SettingOutlined />, label: <Link to={keep('/admin')}>{tr('Quản trị', 'Administration')}</Link> },
  ];
  const selected = items
    .map((i) => i.key)
    .filter((k) => (k === '/' ? location.pathname === '/' : location.pathname.startsWith(k)))
    .slice(-1);
  if (!catalog) {
    return (
      <div className="page-loading">
        <Spin />
      </div>
    );
  }
  return (
    <Layout className="shell">
      <Sider width={220} className="shell-sider" theme="dark">
        <div className="brand">
          <AuditOutlined /> <span className="brand-text">Mandate</span>
        </div>
        <nav aria-label={tr('Điều hướng chính', 'Main navigation')}>
          <Menu theme="dark" mode="inline" selectedKeys={selected} items={items} />
        </nav>
      </Sider>
      <Layout className="shell-main">
        <Header className="shell-header">
          <Typography.Text className="header-title" ellipsis>
            {tr('Theo dõi thực hiện nghị quyết', 'Resolution tracking')}
          </Typography.Text>
          <div className="header-search" role="search">
            <GlobalSearch />
          </div>
          <div className="header-actions">
            <NotificationBell />
            <Button
              type="text"
              icon={<GlobalOutlined />}
              onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
              aria-label={tr('Chuyển sang tiếng Anh', 'Switch to Vietnamese')}
              data-testid="lang-switch"
            >
              {lang === 'vi' ? 'English' : 'Tiếng Việt'}
            </Button>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  {
                    key: 'who',
                    disabled: true,
                    label: (
                      <span className="user-menu-who">
                        {unitName(user!.unit)} · {label(ROLES, user!.role, lang)}
                      </span>
                    ),
                  },
                  { type: 'divider' },
                  { key: 'profile', icon: <UserOutlined />, label: tr('Tài khoản, đổi mật khẩu', 'Account, password') },
                  { key: 'logout', icon: <LogoutOutlined />, label: tr('Đăng xuất', 'Sign out') },
                ],
                onClick: async ({ key }) => {
                  if (key === 'profile') navigate('/profile');
                  if (key === 'logout') {
                    await logout();
                    navigate('/');
                  }
                },
              }}
            >
              <Button type="text" icon={<UserOutlined />} data-testid="user-menu" aria-label={tr('Tài khoản', 'Account')}>
                {user!.displayName || user!.username}
              </Button>
            </Dropdown>
          </div>
        </Header>
        <Content className="shell-content">
          <main>
            <Routes>
              <Route path="/" element={<DashboardPage />} />
              <Route path="/plan" element={<PlanPage />} />
              <Route path="/indicators" element={<IndicatorPage />} />
              <Route path="/indicators/:code/*" element={<IndicatorPage />} />
              <Route path="/entry" element={<DataEntryPage />} />
              <Route path="/tasks" element={<TasksPage />} />
              <Route path="/tasks/:code/*" element={<TaskDetailPage />} />
              <Route path="/documents" element={<DocumentsPage />} />
              <Route path="/documents/:code/*" element={<DocumentDetailPage />} />
              <Route path="/activities" element={<ActivitiesPage />} />
              <Route path="/activities/:code/*" element={<ActivityDetailPage />} />
              <Route path="/search" element={<SearchPage />} />
              <Route path="/reports" element={<ReportsPage />} />
              <Route path="/admin" element={<AdminPage />} />
              <Route path="/profile" element={<ProfilePage />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </main>
        </Content>
      </Layout>
    </Layout>
  );
}

export function App() {
  const { user, checking, lang } = useSession();
  return (
    <ConfigProvider locale={lang === 'vi' ? viVN : enUS} theme={theme}>
      <AntApp>
        {checking ? (
          <div className="page-loading">
            <Spin />
          </div>
        ) : user ? (
          <Shell />
        ) : (
          <LoginPage />
        )}
      </AntApp>
    </ConfigProvider>
  );
}
