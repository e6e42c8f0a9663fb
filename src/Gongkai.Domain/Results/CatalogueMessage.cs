using System.Collections.Immutable;

namespace Gongkai.Domain.Results;

/// <summary>
/// A message keyed by a stable <see cref="Code"/> with the <see cref="Args"/> of its template, worded by
/// an area's <see cref="Catalogue"/>: what a <see cref="Problem"/> (why not) and a <see cref="Notice"/>
/// (done) share.
/// </summary>
public abstract class CatalogueMessage
{
    protected CatalogueMessage(MessageCatalogue catalogue, string code, ImmutableArray<string> args)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Catalogue = catalogue;
        Code = code;
        Args = args.IsDefault ? [] : args;
    }

    /// <summary>The stable code (APIs, JSON, audit and tests rely on it), e.g. <c>supplement.once</c>.</summary>
    public string Code { get; }

    /// <summary>The values the message template takes (<c>{0}</c>, <c>{1}</c> …); more than it takes are details appended after "：".</summary>
    public ImmutableArray<string> Args { get; }

    /// <summary>The catalogue that words <see cref="Code"/>.</summary>
    public MessageCatalogue Catalogue { get; }

    /// <summary>The Chinese message, for people.</summary>
    public string MessageZh => Catalogue.Zh(Code, Args);

    public override string ToString() => $"{Code}: {MessageZh}";
}
