using Gongkai.Domain.Reports;

namespace Gongkai.Import;

/// <summary>
/// What one import may still spend: the fragments and characters the readers have produced so far
/// against <see cref="ImportLimits.MaxFragments"/> and <see cref="ImportLimits.MaxTextChars"/>, and a
/// deadline (<see cref="ImportLimits.MaxTime"/>, or sooner when the caller's token is cancelled).
/// <see cref="ReportImportPipeline"/> makes one per file and passes it to the reader; while it runs the
/// normalisers and the flattened-table solver, the budget is also <see cref="Current"/> on that
/// thread, so that their search loops can stop at the deadline with <see cref="ThrowIfOutOfTime"/>
/// without a token in every signature. Passing a budget throws <see cref="ImportLimitException"/>,
/// which the importer turns into the refusal diagnostic.
/// </summary>
public sealed class ImportBudget : IDisposable
{
    [ThreadStatic]
    private static ImportBudget? t_current;

    private readonly CancellationTokenSource _deadline;
    private readonly CancellationToken _caller;
    private int _fragments;
    private long _chars;

    /// <summary>A budget for the file <paramref name="name"/>.</summary>
    /// <param name="name">The file, for the refusal's location.</param>
    /// <param name="maxTime">The time allowed (default <see cref="ImportLimits.MaxTime"/>).</param>
    /// <param name="timeProvider">The clock of the deadline (default the system's).</param>
    /// <param name="cancellationToken">The caller's token (e.g. the request's): cancelling it ends the import with <see cref="OperationCanceledException"/>.</param>
    public ImportBudget(string name, TimeSpan? maxTime = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        Name = name;
        _caller = cancellationToken;
        _deadline = new CancellationTokenSource(maxTime ?? ImportLimits.MaxTime, timeProvider ?? TimeProvider.System);
    }

    /// <summary>The budget of the import running on this thread, if any.</summary>
    public static ImportBudget? Current => t_current;

    /// <summary>The file the budget is for.</summary>
    public string Name { get; }

    /// <summary>Fragments produced so far.</summary>
    public int Fragments => _fragments;

    /// <summary>Stops the import running on this thread when its time is up (a no-op outside an import).</summary>
    public static void ThrowIfOutOfTime() => t_current?.CheckTime();

    /// <summary>Counts a line of <paramref name="fragments"/> fragments holding <paramref name="chars"/> characters.</summary>
    /// <exception cref="ImportLimitException">A budget was passed.</exception>
    public void AddLine(int fragments, int chars, int? line = null)
    {
        _fragments += fragments;
        _chars += chars;
        if (_fragments > ImportLimits.MaxFragments)
        {
            throw new ImportLimitException(ImportLimits.Refusal(ImportLimit.Fragments, Name, line));
        }

        if (_chars > ImportLimits.MaxTextChars)
        {
            throw new ImportLimitException(ImportLimits.Refusal(ImportLimit.TextChars, Name, line));
        }

        if ((_fragments & 0xFF) == 0)
        {
            CheckTime();
        }
    }

    /// <summary>Throws when the time is up: <see cref="ImportLimitException"/> for the deadline, <see cref="OperationCanceledException"/> when the caller cancelled.</summary>
    public void CheckTime()
    {
        _caller.ThrowIfCancellationRequested();
        if (_deadline.IsCancellationRequested)
        {
            throw new ImportLimitException(ImportLimits.Refusal(ImportLimit.Time, Name));
        }
    }

    /// <summary>Throws the refusal for <paramref name="limit"/>.</summary>
    public void Refuse(ImportLimit limit, int? line = null) => throw new ImportLimitException(ImportLimits.Refusal(limit, Name, line));

    /// <summary>Makes this budget <see cref="Current"/> on this thread until the scope is disposed.</summary>
    public Scope Enter()
    {
        var previous = t_current;
        t_current = this;
        return new Scope(previous);
    }

    public void Dispose() => _deadline.Dispose();

    /// <summary>Restores the previous <see cref="Current"/> budget.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly ImportBudget? _previous;

        internal Scope(ImportBudget? previous) => _previous = previous;

        public void Dispose() => t_current = _previous;
    }

    /// <summary>
    /// Runs a reader with <paramref name="budget"/> (or a fresh one when null) and turns a passed
    /// budget into a failed document: the readers' public boundary.
    /// </summary>
    internal static SourceDocument Read(string name, ImportBudget? budget, Func<ImportBudget, SourceDocument> read)
    {
        var own = budget is null ? new ImportBudget(name) : null;
        try
        {
            return read(budget ?? own!);
        }
        catch (ImportLimitException e)
        {
            return SourceDocument.Failed(name, e.Refusal);
        }
        finally
        {
            own?.Dispose();
        }
    }

    /// <summary>
    /// <see cref="Read(string, ImportBudget?, Func{ImportBudget, SourceDocument})"/> for a binary format: the
    /// stream is read within <see cref="ImportLimits.MaxFileBytes"/> first, and a stream that cannot be read
    /// gives a SOURCE.unreadable document naming <paramref name="format"/>.
    /// </summary>
    internal static SourceDocument ReadBytes(Stream stream, string name, string format, ImportBudget? budget, Func<byte[], ImportBudget, SourceDocument> read) =>
        Read(name, budget, b =>
        {
            byte[] bytes;
            try
            {
                bytes = ImportLimits.ReadBounded(stream, name);
            }
            catch (IOException e)
            {
                return SourceDocument.Failed(name, DiagnosticCodes.Create(DiagnosticCodes.SourceUnreadable, $"无法读取 {format}：{e.Message}", new SourceLocation(name)));
            }

            return read(bytes, b);
        });
}
