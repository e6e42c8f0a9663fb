using System.Collections.Frozen;
using System.Text;

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

    private static readonly FrozenDictionary<char, char> s_toSimplified = BuildMap();

    private static FrozenDictionary<char, char> BuildMap()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i < Traditional.Length && i < Simplified.Length; i++)
        {
            map[Traditional[i]] = Simplified[i];
        }

        return map.ToFrozenDictionary();
    }

    /// <summary>Maps traditional characters to simplified ones, character for character (same length).</summary>
    public static string ToSimplified(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (s_toSimplified.TryGetValue(chars[i], out var s))
            {
                chars[i] = s;
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

        var folded = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (char.IsWhiteSpace(ch) || IsPunctuation(ch))
            {
                continue;
            }

            sb.Append(s_toSimplified.TryGetValue(ch, out var s) ? s : ch);
        }

        return sb.Replace("合计", "总计").Replace("總計", "总计").ToString();
    }

    private static bool IsPunctuation(char ch) => ch switch
    {
        '(' or ')' or '[' or ']' or '【' or '】' or '〔' or '〕' or '“' or '”' or '"' or '\'' or '‘' or '’' or '「' or '」' => true,
        '、' or ',' or '.' or ':' or ';' or '。' or '·' or '・' or '|' or '/' or '-' or '_' or '*' or '#' or '\u3000' or '\u200b' or '\ufeff' => true,
        _ => char.IsPunctuation(ch) && ch != '%',
    };
}
