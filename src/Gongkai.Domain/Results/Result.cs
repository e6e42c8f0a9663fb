using System.Diagnostics.CodeAnalysis;

namespace Gongkai.Domain.Results;

/// <summary>
/// A value, or the <see cref="Results.Problem"/> why there is none: the one shape of "a value or why not"
/// in every area (casework, annual reports, disclosure) and in the Web. Build it by returning either a
/// <typeparamref name="T"/> or a <see cref="Results.Problem"/> (implicit conversions).
/// </summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Problem? problem)
    {
        _value = value;
        Problem = problem;
    }

    /// <summary>Why there is no value; null on success.</summary>
    public Problem? Problem { get; }

    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsSuccess => Problem is null;

    /// <summary>The value; throws <see cref="ProblemException"/> carrying the <see cref="Problem"/> when there is none.</summary>
    public T Value => Problem is null ? _value! : throw new ProblemException(Problem);

    /// <summary>The code of the problem, or null on success.</summary>
    public string? Code => Problem?.Code;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Problem problem) => new(default, problem ?? throw new ArgumentNullException(nameof(problem)));

    /// <summary>The value when there is one.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return Problem is null;
    }

    /// <summary>This result with its value mapped by <paramref name="map"/>; a problem stays the problem.</summary>
    public Result<TOut> Map<TOut>(Func<T, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Problem is null ? map(_value!) : Problem;
    }

    /// <summary>The next step on the value (<paramref name="next"/>), or this problem without running it.</summary>
    public Result<TOut> Then<TOut>(Func<T, Result<TOut>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Problem is null ? next(_value!) : Problem;
    }

    public override string ToString() => Problem is null ? $"Ok({_value})" : Problem.ToString();
}
