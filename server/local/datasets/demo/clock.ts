/**
 * Demo time is told in days before `asOf` (negative = after it), in the org's UTC offset, so the
 * same story lands on the same days relative to any `asOf`. Nothing here reads the machine clock.
 */
import {
  addDays,
  formatInstant,
  localDateOf,
  offsetMinutes,
  startOfLocalDay,
} from '../../../../shared/model/time';
import type { Instant, LocalDate } from '../../../../shared/model/types';

export class DemoClock {
  readonly today: LocalDate;
  readonly offset: number;

  constructor(
    readonly asOf: Instant,
    utcOffset: string,
  ) {
    this.offset = offsetMinutes(utcOffset);
    this.today = localDateOf(asOf, this.offset);
  }

  /** The calendar day `daysAgo` days before today (`YYYY-MM-DD`). */
  date(daysAgo: number): LocalDate {
    return addDays(this.today, -daysAgo);
  }

  /** `hour:minute` local time on the day `daysAgo` days before today. */
  at(daysAgo: number, hour: number, minute = 0): Instant {
    return (startOfLocalDay(this.date(daysAgo), this.offset) + (hour * 60 + minute) * 60_000) as Instant;
  }

  /** An instant as Zoho writes datetimes: `2026-11-26T14:30:00+09:00`. */
  iso(t: Instant): string {
    return formatInstant(t, this.offset);
  }

  /** The local calendar day of an instant. */
  dayOf(t: Instant): LocalDate {
    return localDateOf(t, this.offset);
  }

  /**
   * The last day of each of the `count` calendar months before the month of `asOf`, at `hour`
   * local time, oldest first: when the service's monthly full pass ran.
   */
  monthEnds(count: number, hour: number): Instant[] {
    const year = Number(this.today.slice(0, 4));
    const month = Number(this.today.slice(5, 7)) - 1;
    const out: Instant[] = [];
    for (let k = count; k >= 1; k--) {
      const lastDay = new Date(Date.UTC(year, month - k + 1, 0)).toISOString().slice(0, 10) as LocalDate;
      out.push((startOfLocalDay(lastDay, this.offset) + hour * 3_600_000) as Instant);
    }
    return out;
  }
}
