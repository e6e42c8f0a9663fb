namespace Gongkai.Domain.Disclosure;

/// <summary>A person acting in the workflow.</summary>
/// <param name="Id">Stable user id.</param>
/// <param name="Name">Name as recorded in the history.</param>
public sealed record Actor(string Id, string Name);
