namespace Gongkai.Domain.Results;

/// <summary>
/// Thrown where a caller asked for a value that is not there: <see cref="Result{T}.Value"/> of a refusal,
/// and the throwing variants of the domain (e.g. <c>ApplicationCase.Append</c>). Carries the <see cref="Problem"/>.
/// </summary>
public sealed class ProblemException : Exception
{
    public ProblemException(Problem problem)
        : base(problem?.ToString()) => Problem = problem ?? throw new ArgumentNullException(nameof(problem));

    public ProblemException()
        : this(SharedCodes.Messages.Problem(SharedCodes.Unknown))
    {
    }

    public ProblemException(string message)
        : this(SharedCodes.Messages.Problem(SharedCodes.Unknown, message))
    {
    }

    public ProblemException(string message, Exception innerException)
        : base(message, innerException) => Problem = SharedCodes.Messages.Problem(SharedCodes.Unknown, message);

    public Problem Problem { get; }
}
