/** A YYYY-MM-DD date as the reader's language writes it (2026年12月2日, December 2, 2026), in Japan's time zone. */
export function formatDate(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Asia/Tokyo' }).format(
    new Date(`${isoDate}T12:00:00+09:00`),
  );
}
