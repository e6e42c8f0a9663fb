namespace Gongkai.Render.Letters;

/// <summary>
/// 文号 patterns: an agency's pattern with <c>{year}</c> and <c>{n}</c>, e.g. <c>兰卫公开〔{year}〕{n}号</c>
/// → 兰卫公开〔2026〕3号. The Chinese placeholders <c>{年}</c> and <c>{序号}</c> mean the same (staff see
/// those). The number is allocated by the database (one sequence per agency and year).
/// </summary>
public static class LetterNumberPattern
{
    /// <summary>The pattern when an agency has set none: the agency's name, 依申请公开, year and number.</summary>
    public const string DefaultSuffix = "依申请公开〔{年}〕{序号}号";

    /// <summary>Longest pattern accepted.</summary>
    public const int MaxLength = 60;

    /// <summary>The 文号 for <paramref name="year"/> and <paramref name="number"/>.</summary>
    public static string Format(string pattern, int year, long number) =>
        Normalise(pattern).Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{n}", number.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>The pattern in force for an agency: its own, else <c>{name}依申请公开〔{year}〕{n}号</c>.</summary>
    public static string OrDefault(string? pattern, string agencyName) =>
        string.IsNullOrWhiteSpace(pattern) ? agencyName + DefaultSuffix : pattern;

    /// <summary>Null if <paramref name="pattern"/> is usable, else why not (Chinese).</summary>
    public static string? Check(string pattern)
    {
        pattern = Normalise(pattern);
        if (pattern.Length > MaxLength)
        {
            return $"文号格式不超过{MaxLength}个字";
        }

        if (!pattern.Contains("{n}", StringComparison.Ordinal))
        {
            return "文号格式须含序号占位{序号}";
        }

        if (!pattern.Contains("{year}", StringComparison.Ordinal))
        {
            return "文号格式须含年份占位{年}";
        }

        var rest = pattern.Replace("{n}", string.Empty, StringComparison.Ordinal).Replace("{year}", string.Empty, StringComparison.Ordinal);
        return rest.Contains('{') || rest.Contains('}') ? "文号格式只能含{年}和{序号}两个占位" : null;
    }

    /// <summary>The pattern with the Chinese placeholders replaced by <c>{year}</c> and <c>{n}</c>.</summary>
    public static string Normalise(string pattern) =>
        pattern.Replace("{年}", "{year}", StringComparison.Ordinal).Replace("{序号}", "{n}", StringComparison.Ordinal);
}
