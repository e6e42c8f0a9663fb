using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;

namespace Gongkai.Domain.Results;

/// <summary>
/// One area's messages keyed by stable code: a Chinese template (what people read) and optionally an
/// English one (logs). Templates take <c>{0}</c>, <c>{1}</c> … from a <see cref="Problem"/>'s arguments;
/// arguments beyond those a template takes are details, appended after "：" (Chinese) or ": " (English).
/// A catalogue may fall back to <see cref="SharedCodes.Messages"/>, so codes shared by areas (such as
/// <see cref="SharedCodes.WrongState"/>) are worded once.
/// </summary>
public sealed class MessageCatalogue
{
    private readonly FrozenDictionary<string, (string Zh, string? En)> _messages;
    private readonly MessageCatalogue? _fallback;

    public MessageCatalogue(string area, IEnumerable<KeyValuePair<string, (string Zh, string? En)>> messages, MessageCatalogue? fallback = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(area);
        ArgumentNullException.ThrowIfNull(messages);
        Area = area;
        _messages = messages.ToFrozenDictionary(StringComparer.Ordinal);
        _fallback = fallback;
        foreach (var code in _messages.Keys)
        {
            if (fallback?.Contains(code) == true)
            {
                throw new ArgumentException($"{code} is a shared code; the {area} catalogue must not word it again", nameof(messages));
            }
        }
    }

    /// <summary>The area, e.g. <c>casework</c> (for tests and logs).</summary>
    public string Area { get; }

    /// <summary>The codes this catalogue words itself (not those of its fallback).</summary>
    public IReadOnlyCollection<string> Codes => _messages.Keys;

    /// <summary>Whether this catalogue or its fallback words <paramref name="code"/>.</summary>
    public bool Contains(string code) => _messages.ContainsKey(code) || _fallback?.Contains(code) == true;

    /// <summary>The Chinese template of <paramref name="code"/> (unfilled), or null if unknown.</summary>
    public string? TemplateZh(string code) => Lookup(code)?.Zh;

    /// <summary>The Chinese message of <paramref name="code"/>; the code itself when unknown.</summary>
    public string Zh(string code, ImmutableArray<string> args = default) =>
        Lookup(code) is { } m ? Fill(m.Zh, args, "：", "，") : code;

    /// <summary>The English message of <paramref name="code"/>, or the Chinese one when it has no English template.</summary>
    public string En(string code, ImmutableArray<string> args = default) =>
        Lookup(code) is { } m ? m.En is { } en ? Fill(en, args, ": ", ", ") : Fill(m.Zh, args, "：", "，") : code;

    /// <summary>A problem of this area.</summary>
    public Problem Problem(string code, params string[] args) => new(this, code, [.. args]);

    /// <summary>A notice of this area (what a person is told after a step succeeded); the code must be worded here.</summary>
    public Notice Notice(string code, params string[] args) => new(this, code, [.. args]);

    private (string Zh, string? En)? Lookup(string code) =>
        _messages.TryGetValue(code, out var m) ? m : _fallback?.Lookup(code);

    private static string Fill(string template, ImmutableArray<string> args, string detailSeparator, string listSeparator)
    {
        if (args.IsDefaultOrEmpty)
        {
            return template;
        }

        var used = 0;
        var text = new StringBuilder(template.Length + 16);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{' && i + 2 < template.Length && char.IsAsciiDigit(template[i + 1]) && template[i + 2] == '}')
            {
                var n = template[i + 1] - '0';
                text.Append(n < args.Length ? args[n] : "");
                used = Math.Max(used, n + 1);
                i += 2;
            }
            else
            {
                text.Append(template[i]);
            }
        }

        if (used < args.Length)
        {
            text.Append(detailSeparator).AppendJoin(listSeparator, args.Skip(used).Where(a => !string.IsNullOrEmpty(a)));
        }

        return text.ToString();
    }
}
