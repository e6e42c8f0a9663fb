using System.Collections.Immutable;

namespace Gongkai.Domain.Results;

/// <summary>
/// What a person is told after a step succeeded (已报送，等待审核。): a stable <see cref="Code"/> and the
/// <see cref="Args"/> of its template, worded by the area's <see cref="Catalogue"/> like a
/// <see cref="Problem"/>. Pages show <see cref="MessageZh"/>; they never write the words themselves.
/// </summary>
public sealed class Notice
{
    public Notice(MessageCatalogue catalogue, string code, ImmutableArray<string> args)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        if (!catalogue.Contains(code))
        {
            throw new ArgumentException($"{code} is not in the {catalogue.Area} catalogue", nameof(code));
        }

        Catalogue = catalogue;
        Code = code;
        Args = args.IsDefault ? [] : args;
    }

    /// <summary>The stable code, e.g. <c>report.notice.submitted</c>.</summary>
    public string Code { get; }

    /// <summary>The values the template takes.</summary>
    public ImmutableArray<string> Args { get; }

    /// <summary>The catalogue that words <see cref="Code"/>.</summary>
    public MessageCatalogue Catalogue { get; }

    /// <summary>The Chinese message, for people.</summary>
    public string MessageZh => Catalogue.Zh(Code, Args);

    public override string ToString() => $"{Code}: {MessageZh}";
}
