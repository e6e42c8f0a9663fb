using System.Collections.Immutable;

namespace Gongkai.Domain.Disclosure;

/// <summary>Whether an entry is a wrong form (错) or a sensitive expression (敏).</summary>
public enum WordEntryKind
{
    /// <summary>错别字 / 错误表述: the right form is suggested.</summary>
    Wrong,

    /// <summary>敏感词: to be avoided; the suggestion is the administrator's advice.</summary>
    Sensitive,
}

/// <summary>An entry of the 错敏字 list: the form to find and the form (or advice) to suggest.</summary>
public sealed record WordEntry(string Wrong, string Right, WordEntryKind Kind = WordEntryKind.Wrong, string? Note = null);

/// <summary>
/// The 错敏字 list the administrator maintains. Matching is by exact substring, longest entry first,
/// and never overlapping. Immutable: <see cref="With"/> and <see cref="Without"/> derive a changed list.
/// </summary>
public sealed class WrongWordList
{
    public WrongWordList(IEnumerable<WordEntry> entries)
    {
        var list = new List<WordEntry>();
        foreach (var e in entries)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(e.Wrong);
            if (e.Kind == WordEntryKind.Wrong && e.Right.Contains(e.Wrong, StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{e.Wrong}' occurs inside its own right form '{e.Right}': it would flag correct text.", nameof(entries));
            }

            if (list.All(x => x.Wrong != e.Wrong))
            {
                list.Add(e);
            }
        }

        Entries = [.. list.OrderByDescending(e => e.Wrong.Length).ThenBy(e => e.Wrong, StringComparer.Ordinal)];
    }

    /// <summary>Entries, longest first.</summary>
    public ImmutableArray<WordEntry> Entries { get; }

    public WrongWordList With(WordEntry entry) => new(Entries.Where(e => e.Wrong != entry.Wrong).Append(entry));

    public WrongWordList Without(string wrong) => new(Entries.Where(e => e.Wrong != wrong));

    /// <summary>Every occurrence in <paramref name="text"/>: (start, entry), in text order, not overlapping.</summary>
    public IEnumerable<(int Start, WordEntry Entry)> Matches(string text)
    {
        var taken = new bool[text.Length];
        var hits = new List<(int, WordEntry)>();
        foreach (var e in Entries)
        {
            var from = 0;
            while (from < text.Length && text.IndexOf(e.Wrong, from, StringComparison.Ordinal) is var i and >= 0)
            {
                if (!taken.AsSpan(i, e.Wrong.Length).Contains(true))
                {
                    taken.AsSpan(i, e.Wrong.Length).Fill(true);
                    hits.Add((i, e));
                }

                from = i + 1;
            }
        }

        return hits.OrderBy(h => h.Item1);
    }

    /// <summary>
    /// A starting list of well-known 政务 错别字 (wrong form → right form). The administrator edits it;
    /// no sensitive words are shipped.
    /// </summary>
    public static WrongWordList Default { get; } = new(
    [
        new("布署", "部署"),
        new("部暑", "部署"),
        new("贯切", "贯彻"),
        new("既往不究", "既往不咎"),
        new("再接再励", "再接再厉"),
        new("按步就班", "按部就班"),
        new("迫不急待", "迫不及待"),
        new("一愁莫展", "一筹莫展"),
        new("变本加利", "变本加厉"),
        new("走头无路", "走投无路"),
        new("不径而走", "不胫而走"),
        new("针贬时弊", "针砭时弊"),
        new("出奇不意", "出其不意"),
        new("默守成规", "墨守成规"),
        new("一股作气", "一鼓作气"),
        new("合盘托出", "和盘托出"),
        new("峻工", "竣工"),
        new("签定合同", "签订合同"),
        new("帐户", "账户"),
        new("中华人民共合国", "中华人民共和国"),
        new("国务院办公室", "国务院办公厅", Note: "国务院的办事机构是国务院办公厅"),
        new("政府信息公开条列", "政府信息公开条例"),
        new("防碍", "妨碍"),
        new("重新修订", "修订", Note: "重复用语"),
    ]);
}
