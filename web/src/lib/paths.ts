// Addresses of record pages. The server gives index.html for unknown paths
// only when their last segment has no dot (a dot reads as a file extension,
// so "/tasks/TG1.1" would be a 404 on reload); codes with a dot get a last
// segment "chi-tiet" ("details"), which the routes accept and ignore.
export type RecordKind = 'tasks' | 'documents' | 'indicators' | 'activities';

export function recordPath(kind: RecordKind, code: string): string {
  return `/${kind}/${encodeURIComponent(code)}${code.includes('.') ? '/chi-tiet' : ''}`;
}
