using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gongkai.Domain.Calendar;

/// <summary>A reason a year's notice cannot be loaded: a stable code and a Chinese message saying what and where.</summary>
public sealed record NoticeIssue(string Code, string Message);

/// <summary>
/// Checks a State Council holiday notice before it is loaded into a deployment's calendar, and writes it as calendar
/// JSON (the <c>years</c> entry format of <c>holidays-cn.json</c>). A notice must name its 文号; a make-up working day
/// must fall on a weekend and not inside a rest period; every rest period must lie in the year (元旦 may start on
/// 31 December of the year before); and the rest periods must cover every statutory day of the year
/// (<see cref="StatutoryHolidays"/>), since a notice can move rest days but not take a statutory day away.
/// </summary>
public static class HolidayNoticeCheck
{
    /// <summary>The issues of <paramref name="year"/>; empty when it can be loaded.</summary>
    public static ImmutableArray<NoticeIssue> Check(HolidayYear year)
    {
        var issues = ImmutableArray.CreateBuilder<NoticeIssue>();
        if (year.Year is < 2000 or > 2099)
        {
            issues.Add(new("notice.year", $"年份 {year.Year} 超出可载入范围（2000—2099年）"));
            return issues.ToImmutable();
        }

        if (year.Notices.IsDefaultOrEmpty || string.IsNullOrWhiteSpace(year.Notices[0].Number))
        {
            issues.Add(new("notice.number-missing", "缺少通知文号（如 国办发明电〔2026〕7号）"));
        }

        if (year.Holidays.IsDefaultOrEmpty)
        {
            issues.Add(new("notice.no-holidays", "放假安排为空：至少应列出各法定节假日的放假日期"));
            return issues.ToImmutable();
        }

        var rest = new HashSet<DateOnly>();
        foreach (var h in year.Holidays)
        {
            if (h.To < h.From || h.To.DayNumber - h.From.DayNumber > 31)
            {
                issues.Add(new("notice.range", $"{h.Name}：放假区间 {D(h.From)} 至 {D(h.To)} 无效（结束日早于开始日，或超过31天）"));
                continue;
            }

            if (h.From < new DateOnly(year.Year - 1, 12, 31) || h.To.Year != year.Year)
            {
                issues.Add(new("notice.outside-year", $"{h.Name}：放假区间 {D(h.From)} 至 {D(h.To)} 不在 {year.Year} 年内"));
            }

            rest.UnionWith(h.RestDays());
        }

        foreach (var h in year.Holidays)
        {
            foreach (var day in h.Work)
            {
                if (!WorkingDayCalendar.IsWeekend(day))
                {
                    issues.Add(new("notice.work-not-weekend", $"{h.Name}：调休上班日 {D(day)}（{CalendarText.Weekday(day)}）不是周六或周日"));
                }
                else if (rest.Contains(day))
                {
                    issues.Add(new("notice.work-in-rest", $"{h.Name}：调休上班日 {D(day)} 同时在放假区间内"));
                }
            }
        }

        foreach (var statutory in StatutoryHolidays.For(year.Year))
        {
            foreach (var day in statutory.RestDays().Where(d => !rest.Contains(d)))
            {
                issues.Add(new("notice.statutory-missing", $"{statutory.Name}：{D(day)} 是法定节假日（{StatutoryHolidays.Source}），放假安排未包含这一天"));
            }
        }

        return issues.ToImmutable();
    }

    /// <summary>Reads one year from calendar JSON: a file with exactly one <c>years</c> entry, or the entry itself. Throws <see cref="FormatException"/>.</summary>
    public static HolidayYear ParseYear(string json)
    {
        string file;
        try
        {
            var node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            file = node is JsonObject o && !o.ContainsKey("years") ? new JsonObject { ["years"] = new JsonArray(o.DeepClone()) }.ToJsonString() : json;
        }
        catch (JsonException ex)
        {
            throw new FormatException($"不是有效的 JSON：{ex.Message}", ex);
        }

        var years = WorkingDayCalendar.Parse(file).Years;
        return years.Length == 1 ? years[0] : throw new FormatException($"应恰好包含一个年度的放假安排，实有 {years.Length} 个");
    }

    /// <summary><paramref name="year"/> as a calendar file with one <c>years</c> entry (readable by <see cref="WorkingDayCalendar.Extend"/>).</summary>
    public static string ToJson(HolidayYear year)
    {
        var entry = new JsonObject
        {
            ["year"] = year.Year,
            ["notices"] = new JsonArray([.. year.Notices.Select(n => (JsonNode)new JsonObject
            {
                ["number"] = n.Number, ["title"] = n.Title, ["date"] = D(n.Date), ["url"] = n.Url, ["confidence"] = n.Confidence,
            })]),
            ["holidays"] = new JsonArray([.. year.Holidays.Select(h => (JsonNode)new JsonObject
            {
                ["key"] = h.Key, ["name"] = h.Name, ["from"] = D(h.From), ["to"] = D(h.To),
                ["work"] = new JsonArray([.. h.Work.Select(w => (JsonNode)JsonValue.Create(D(w)))]),
            })]),
        };
        if (year.Note is { } note)
        {
            entry["note"] = note;
        }

        return new JsonObject { ["years"] = new JsonArray(entry) }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
