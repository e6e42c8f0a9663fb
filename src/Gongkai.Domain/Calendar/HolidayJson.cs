using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Gongkai.Domain.Calendar;

/// <summary>Reads calendar files (the format of the embedded <c>holidays-cn.json</c>; docs/calendar.md).</summary>
internal static class HolidayJson
{
    public static WorkingDayCalendar LoadEmbedded(string file)
    {
        var name = $"Gongkai.Domain.Data.{file}";
        using var stream = typeof(HolidayJson).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} not found");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static WorkingDayCalendar Parse(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"日历文件不是有效的 JSON calendar file is not valid JSON: {ex.Message}", ex);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("日历文件应为 JSON 对象 calendar file must be a JSON object");
            }

            var name = Text(root, "name", "$", optional: true) ?? "calendar";
            var years = new List<HolidayYear>();
            if (root.TryGetProperty("years", out var ys))
            {
                var i = 0;
                foreach (var y in Array(ys, "$.years"))
                {
                    var path = $"$.years[{i++}]";
                    var year = Int(y, "year", path);
                    var holidays = Holidays(y, path);
                    foreach (var h in holidays)
                    {
                        if (h.From.Year < year - 1 || h.To.Year > year)
                        {
                            throw new FormatException($"{path}: {h.Name} {h.From}–{h.To} 不属于 {year} 年 is outside year {year}");
                        }
                    }

                    years.Add(new HolidayYear(year, Notices(y, path), holidays, Text(y, "note", path, optional: true)));
                }
            }

            var overrides = new List<CalendarOverride>();
            if (root.TryGetProperty("overrides", out var os))
            {
                var i = 0;
                foreach (var o in Array(os, "$.overrides"))
                {
                    var path = $"$.overrides[{i++}]";
                    overrides.Add(new CalendarOverride(
                        Text(o, "name", path)!,
                        Text(o, "region", path, optional: true),
                        Notices(o, path),
                        Holidays(o, path),
                        Text(o, "note", path, optional: true)));
                }
            }

            return new WorkingDayCalendar(name, years, overrides);
        }
    }

    private static ImmutableArray<HolidayNotice> Notices(JsonElement e, string path)
    {
        if (!e.TryGetProperty("notices", out var ns))
        {
            return [];
        }

        var i = 0;
        return [.. Array(ns, $"{path}.notices").Select(n =>
        {
            var p = $"{path}.notices[{i++}]";
            return new HolidayNotice(
                Text(n, "number", p)!,
                Text(n, "title", p, optional: true) ?? string.Empty,
                Date(n, "date", p),
                Text(n, "url", p, optional: true) ?? string.Empty,
                Text(n, "confidence", p, optional: true) ?? "V",
                Text(n, "copy", p, optional: true));
        })];
    }

    private static ImmutableArray<HolidayPeriod> Holidays(JsonElement e, string path)
    {
        if (!e.TryGetProperty("holidays", out var hs))
        {
            return [];
        }

        var i = 0;
        return [.. Array(hs, $"{path}.holidays").Select(h =>
        {
            var p = $"{path}.holidays[{i++}]";
            var from = Date(h, "from", p);
            var to = Date(h, "to", p);
            if (to < from || to.DayNumber - from.DayNumber > 31)
            {
                throw new FormatException($"{p}: 放假区间无效 invalid rest period {from}–{to}");
            }

            var work = h.TryGetProperty("work", out var w)
                ? Array(w, $"{p}.work").Select(d => ParseDate(d, $"{p}.work")).ToImmutableArray()
                : [];
            foreach (var day in work.Where(d => !WorkingDayCalendar.IsWeekend(d)))
            {
                throw new FormatException($"{p}: 调休上班日 {day} 不是周末 make-up working day is not a weekend day");
            }

            return new HolidayPeriod(Text(h, "key", p)!, Text(h, "name", p)!, from, to, work, Text(h, "notice", p, optional: true));
        })];
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : throw new FormatException($"{path}: 应为数组 must be an array");

    private static string? Text(JsonElement e, string name, string path, bool optional = false)
    {
        if (e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String)
        {
            return v.GetString();
        }

        return optional ? null : throw new FormatException($"{path}.{name}: 缺少文本 missing text");
    }

    private static int Int(JsonElement e, string name, string path) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) && i is >= 1949 and <= 9999
            ? i
            : throw new FormatException($"{path}.{name}: 应为年份 must be a year");

    private static DateOnly Date(JsonElement e, string name, string path) =>
        e.TryGetProperty(name, out var v) ? ParseDate(v, $"{path}.{name}") : throw new FormatException($"{path}.{name}: 缺少日期 missing date");

    private static DateOnly ParseDate(JsonElement v, string path) =>
        v.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new FormatException($"{path}: 日期应为 YYYY-MM-DD date must be YYYY-MM-DD");
}
