
namespace Gongkai.Domain.Reports;

/// <summary>
/// Normalises a label as printed in the wild so that it can be compared with the catalogue:
/// full-width forms folded (NFKC), whitespace, brackets, quotes and punctuation removed,
/// traditional characters mapped to simplified, 合计 read as 总计.
/// </summary>
public static class LabelText
{
    // Traditional → simplified for the characters that occur in the report's labels and headings.
    private const string Traditional = "開資訊報處與務許罰強機關內調複訴訟結轉續辦號總計規範條項數無據範權濟護門設準當請單從專證應屬於險穩況並個當確認據審經擬題書員際類別廢現導鑑檢標實術體組織構產業會科學說們這為時長區縣鄉鎮級點網頁聯絡電話郵費額萬億獲舉訪訴滿決銷駁對產勞隱";
    private const string Simplified = "开资讯报处与务许罚强机关内调复诉讼结转续办号总计规范条项数无据范权济护门设准当请单从专证应属于险稳况并个当确认据审经拟题书员际类别废现导鉴检标实术体组织构产业会科学说们这为时长区县乡镇级点网页联络电话邮费额万亿获举访诉满决销驳对产劳隐";

    // One entry per UTF-16 code unit: 0 keeps the character, '\uffff' drops it, anything else replaces it.
    private static readonly char[] s_fold = BuildFold();

    private static char[] BuildFold()
    {
        var map = new char[65536];
        for (var i = 0; i < Traditional.Length && i < Simplified.Length; i++)
        {
            map[Traditional[i]] = Simplified[i];
        }

        // Full-width ASCII forms (what NFKC folds for these texts).
        for (var c = 0xFF01; c <= 0xFF5E; c++)
        {
            map[c] = (char)(c - 0xFEE0);
        }

        for (var c = 0; c < 65536; c++)
        {
            var ch = map[c] != 0 ? map[c] : (char)c;
            if (char.IsWhiteSpace(ch) || IsPunctuation(ch))
            {
                map[c] = '\uffff';
            }
        }

        return map;
    }

    /// <summary>Maps traditional characters to simplified ones, character for character (same length).</summary>
    public static string ToSimplified(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var m = s_fold[chars[i]];
            if (m != 0 && m != '\uffff' && chars[i] > 0x2E80 && chars[i] < 0xFF00)
            {
                chars[i] = m;
            }
        }

        return new string(chars);
    }

    /// <summary>Folds full-width ASCII forms (digits, letters, brackets) to their ASCII forms.</summary>
    public static string FoldWidth(string text)
    {
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length && (span[i] < 0xFF01 || span[i] > 0xFF5E) && span[i] != '\u3000')
        {
            i++;
        }

        if (i == span.Length)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (; i < chars.Length; i++)
        {
            if (chars[i] >= 0xFF01 && chars[i] <= 0xFF5E)
            {
                chars[i] = (char)(chars[i] - 0xFEE0);
            }
            else if (chars[i] == '\u3000')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    /// <summary>The comparison form of <paramref name="text"/>.</summary>
    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var ch in text)
        {
            var m = s_fold[ch];
            if (m == '\uffff')
            {
                continue;
            }

            buffer[n++] = m == 0 ? ch : m;
        }

        var result = buffer[..n];
        var heji = result.IndexOf("合计");
        if (heji < 0)
        {
            return new string(result);
        }

        var s = new string(result);
        return s.Replace("合计", "总计", StringComparison.Ordinal);
    }

    private static bool IsPunctuation(char ch) => ch switch
    {
        '(' or ')' or '[' or ']' or '【' or '】' or '〔' or '〕' or '“' or '”' or '"' or '\'' or '‘' or '’' or '「' or '」' => true,
        '、' or ',' or '.' or ':' or ';' or '。' or '·' or '・' or '|' or '/' or '-' or '_' or '*' or '#' or '\u3000' or '\u200b' or '\ufeff' => true,
        _ => char.IsPunctuation(ch) && ch != '%',
    };
}
