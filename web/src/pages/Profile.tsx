import { App, Button, Card, Descriptions, Form, Input, Segmented, Space } from 'antd';
import { useState } from 'react';
import { request } from '../api/client';
import { InlineError } from '../components/common';
import { label, ROLES } from '../i18n/labels';
import { useSession } from '../session';

export function ProfilePage() {
  const { user, tr, lang, setLang, unitName } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!user) return null;
  return (
    <Space direction="vertical" size="large" className="full-width">
      <h1 className="page-title">{tr('Tài khoản', 'Account')}</h1>
      <Card title={tr('Thông tin', 'Profile')}>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={tr('Tên đăng nhập', 'Username')}>{user.username}</Descriptions.Item>
          <Descriptions.Item label={tr('Đơn vị', 'Unit')}>{unitName(user.unit)}</Descriptions.Item>
          <Descriptions.Item label={tr('Vai trò', 'Role')}>{label(ROLES, user.role, lang)}</Descriptions.Item>
          <Descriptions.Item label={tr('Ngôn ngữ', 'Language')}>
            <Segmented
              aria-label={tr('Ngôn ngữ', 'Language')}
              value={lang}
              onChange={(v) => setLang(v as 'vi' | 'en')}
              options={[
                { value: 'vi', label: 'Tiếng Việt' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={tr('Đổi mật khẩu', 'Change password')} className="narrow-card">
        <InlineError error={error} />
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v: { oldPassword: string; newPassword: string }) => {
            setBusy(true);
            setError(null);
            try {
              await request('auth/password', {
                method: 'POST',
                body: { oldPassword: v.oldPassword, newPassword: v.newPassword },
                quiet401: true,
              });
              form.resetFields();
              message.success(tr('Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.', 'Password changed. Your other sessions have ended.'));
            } catch (e) {
              setError(e);
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item name="oldPassword" label={tr('Mật khẩu hiện tại', 'Current password')} rules={[{ required: true, message: tr('Nhập mật khẩu hiện tại', 'Enter your current password') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={tr('Mật khẩu mới', 'New password')} rules={[{ required: true, min: 8, message: tr('Mật khẩu mới có ít nhất 8 ký tự', 'At least 8 characters') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={tr('Nhập lại mật khẩu mới', 'Repeat the new password')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: tr('Nhập lại mật khẩu mới', 'Repeat the new password') },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  !v || v === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(tr('Hai mật khẩu không khớp', 'The passwords differ'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {tr('Đổi mật khẩu', 'Change password')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
