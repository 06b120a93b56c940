import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useSession } from '../session';

export function LoginPage() {
  const { login, tr, errorText, lang, setLang, expired } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="login-page">
      <Card className="login-card">
        <div className="login-head">
          <Typography.Title level={3}>Mandate</Typography.Title>
          <Typography.Paragraph type="secondary">
            {tr('Theo dõi thực hiện nghị quyết đại hội', 'Tracking how the congress resolution is carried out')}
          </Typography.Paragraph>
        </div>
        {expired && !error && (
          <Alert
            className="login-alert"
            type="info"
            showIcon
            message={tr('Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.', 'Your session has ended. Please sign in again.')}
          />
        )}
        {!!error && (
          <Alert className="login-alert" type="error" showIcon role="alert" data-testid="login-error" message={errorText(error)} />
        )}
        <Form
          layout="vertical"
          requiredMark={false}
          onFinish={async (v: { username: string; password: string }) => {
            setBusy(true);
            setError(null);
            try {
              await login(v.username.trim(), v.password);
            } catch (e) {
              setError(e);
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item
            label={tr('Tên đăng nhập', 'Username')}
            name="username"
            rules={[{ required: true, message: tr('Nhập tên đăng nhập', 'Enter your username') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={tr('Mật khẩu', 'Password')}
            name="password"
            rules={[{ required: true, message: tr('Nhập mật khẩu', 'Enter your password') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {tr('Đăng nhập', 'Sign in')}
          </Button>
        </Form>
        <div className="login-lang">
          <Segmented
            aria-label={tr('Ngôn ngữ', 'Language')}
            value={lang}
            onChange={(v) => setLang(v as 'vi' | 'en')}
            options={[
              { value: 'vi', label: 'Tiếng Việt' },
              { value: 'en', label: 'English' },
            ]}
          />
        </div>
      </Card>
    </div>
  );
}
