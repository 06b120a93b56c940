// One modal for creating and editing a record (documents, activities, unit
// changes, rating scales, task ratings): PUT with If-None-Match: * to create,
// If-Match with the ETag read when the editor opened to edit. A 412 shows
// what the server holds now and offers the same choice as data entry: use
// theirs, or overwrite with mine (re-sent with the new ETag).
import { Alert, Button, Form, Modal, Space, type FormInstance } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError, request } from '../api/client';
import { useSession } from '../session';
import { InlineError } from './common';

export interface RecordFormProps<R, V> {
  open: boolean;
  /** Create (If-None-Match: *) rather than edit. */
  creating: boolean;
  title: string;
  /** The record being edited (its fresh copy and ETag are read when the editor opens), or defaults to create. */
  record?: R;
  /** API path of the record, from the form's values (the code may be typed when creating). */
  pathOf: (values: V, record?: R) => string;
  toForm: (record: R | undefined) => V;
  toBody: (values: V, record?: R) => unknown;
  /** Names of the record's keys shown in the conflict message. */
  describe?: (record: R) => ReactNode;
  onClose: () => void;
  onSaved: (record: R) => void;
  children: (form: FormInstance<V>) => ReactNode;
  width?: number;
  testId?: string;
}

export function RecordFormModal<R, V extends object>(props: RecordFormProps<R, V>) {
  const { tr } = useSession();
  const [form] = Form.useForm<V>();
  const [etag, setEtag] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<{ current: R; etag: string | null; mine: unknown } | null>(null);
  const [saving, setSaving] = useState(false);
  const [initial, setInitial] = useState<{ n: number; values: V } | null>(null);
  const { open, creating, record } = props;

  useEffect(() => {
    if (!open) return;
    setError(null);
    setConflict(null);
    setEtag(null);
    setInitial((i) => ({ n: (i?.n ?? 0) + 1, values: props.toForm(record) }));
    if (!creating && record) {
      // Start from the server's copy and remember its version.
      request<R>(props.pathOf(props.toForm(record), record))
        .then(({ data, etag: e }) => {
          setEtag(e);
          form.setFieldsValue(props.toForm(data) as never);
        })
        .catch(setError);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, creating, record]);

  const put = async (body: unknown, path: string, ifMatch: string | null) => {
    setSaving(true);
    try {
      const res = await request<R>(path, { method: 'PUT', body, create: creating && !ifMatch, ifMatch });
      setConflict(null);
      props.onSaved(res.data);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setConflict({ current: e.current as R, etag: e.currentEtag ?? null, mine: body });
        setError(null);
      } else setError(e);
    } finally {
      setSaving(false);
    }
  };

  const save = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setError(null);
    await put(props.toBody(values, record), props.pathOf(values, record), creating ? null : etag);
  };

  return (
    <Modal
      open={open}
      title={props.title}
      onCancel={props.onClose}
      width={props.width ?? 640}
      destroyOnClose
      maskClosable={false}
      className="record-modal"
      footer={
        <div className="record-footer">
          <InlineError error={error} />
          {conflict && (
            <Alert
              type="warning"
              showIcon
              className="inline-error"
              data-testid="record-conflict"
              message={
                creating
                  ? tr('Mã này đã có trong hệ thống (do người khác vừa tạo).', 'This code already exists (someone else just created it).')
                  : tr('Bản ghi này vừa được người khác thay đổi.', 'Someone else changed this record meanwhile.')
              }
              description={
                <Space direction="vertical" className="full-width">
                  {conflict.current && props.describe ? (
                    <div>
                      {tr('Bản hiện tại trên máy chủ', 'On the server now')}: {props.describe(conflict.current)}
                    </div>
                  ) : null}
                  <Space wrap>
                    <Button
                      size="small"
                      onClick={() => {
                        if (conflict.current) form.setFieldsValue(props.toForm(conflict.current) as never);
                        setEtag(conflict.etag);
                        setConflict(null);
                      }}
                    >
                      {tr('Dùng bản mới', 'Use theirs')}
                    </Button>
                    {conflict.etag && (
                      <Button
                        size="small"
                        danger
                        onClick={async () => {
                          const values = form.getFieldsValue(true) as V;
                          setEtag(conflict.etag);
                          await put(conflict.mine, props.pathOf(values, record), conflict.etag);
                        }}
                      >
                        {tr('Ghi đè bằng bản của tôi', 'Overwrite with mine')}
                      </Button>
                    )}
                  </Space>
                </Space>
              }
            />
          )}
          <div className="record-footer-buttons">
            <Button onClick={props.onClose}>{tr('Hủy', 'Cancel')}</Button>
            <Button type="primary" loading={saving} onClick={save} data-testid="record-save">
              {tr('Lưu', 'Save')}
            </Button>
          </div>
        </div>
      }
    >
      <div data-testid={props.testId} className="record-form">
        <Form key={initial?.n} form={form} layout="vertical" initialValues={initial?.values as never}>
          {props.children(form)}
        </Form>
      </div>
    </Modal>
  );
}

/** Deletes a record with If-Match (read fresh first when no ETag is known). */
export async function deleteRecord(path: string, etag?: string | null) {
  const e = etag ?? (await request(path)).etag;
  await request(path, { method: 'DELETE', ifMatch: e });
}
