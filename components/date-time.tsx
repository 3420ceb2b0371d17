import { formatDate, formatDateTime } from '@/lib/format/date';

export function DateTime({ iso, language, dateOnly = false }: { iso: string; language?: string; dateOnly?: boolean }) {
  return <time dateTime={iso}>{dateOnly ? formatDate(iso, language) : formatDateTime(iso, language)}</time>;
}
