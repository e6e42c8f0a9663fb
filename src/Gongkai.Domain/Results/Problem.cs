using System.Collections.Immutable;

namespace Gongkai.Domain.Results;

/// <summary>
/// Why there is no value: a stable <see cref="Code"/> (APIs, JSON, audit and tests rely on it) and the
/// <see cref="Args"/> its message template takes. The words come from the area's <see cref="Catalogue"/>:
/// <see cref="MessageZh"/> is what a person reads, <see cref="Message"/> (English, when the catalogue has it)
/// is for logs.
/// </summary>
public sealed class Problem
{
    public Problem(MessageCatalogue catalogue, string code, ImmutableArray<string> args)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Catalogue = catalogue;
        Code = code;
        Args = args.IsDefault ? [] : args;
    }

    /// <summary>The stable code, e.g. <c>supplement.once</c>.</summary>
    public string Code { get; }

    /// <summary>The values the message template takes (<c>{0}</c>, <c>{1}</c> …); more than it takes are details appended after "：".</summary>
    public ImmutableArray<string> Args { get; }

    /// <summary>The catalogue that words <see cref="Code"/>.</summary>
    public MessageCatalogue Catalogue { get; }

    /// <summary>The Chinese message, for people.</summary>
    public string MessageZh => Catalogue.Zh(Code, Args);

    /// <summary>The English message, for logs (the Chinese one when the catalogue has no English template).</summary>
    public string Message => Catalogue.En(Code, Args);

    public override string ToString() => $"{Code}: {MessageZh}";
}
