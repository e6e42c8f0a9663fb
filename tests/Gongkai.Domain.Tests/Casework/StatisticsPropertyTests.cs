using CsCheck;
using Gongkai.Domain.Casework;
using Gongkai.Domain.Reports;
using static Gongkai.Domain.Tests.Casework.Cases;

namespace Gongkai.Domain.Tests.Casework;

/// <summary>For random case histories, the compiled report breaks no rule of the format catalogue.</summary>
public sealed class StatisticsPropertyTests
{
    private static readonly string[] ReviewRows = ["reconsideration", "litigation_direct", "litigation_after_reconsideration"];

    private sealed record Step(int Action, int Gap, int Param);

    private sealed record CaseScript(int ReceivedDay, int Kind, int Channel, Step[] Steps);

    private static readonly Gen<Step> s_step = Gen.Select(Gen.Int[0, 10], Gen.Int[0, 40], Gen.Int[0, 1000], (a, g, p) => new Step(a, g, p));

    private static readonly Gen<CaseScript> s_case = Gen.Select(
        Gen.Int[new DateOnly(2023, 6, 1).DayNumber, new DateOnly(2026, 6, 30).DayNumber],
        Gen.Int[0, 5],
        Gen.Int[0, 4],
        s_step.Array[0, 8],
        (r, k, c, s) => new CaseScript(r, k, c, s));

    private static ApplicationCase Play(CaseScript script, int index)
    {
        var received = DateOnly.FromDayNumber(script.ReceivedDay);
        var c = Register(received, (ApplicantKind)script.Kind, (ReceiptChannel)script.Channel, id: new Guid(index, 0, 0, new byte[8]));
        foreach (var step in script.Steps)
        {
            var on = c.Events[^1].OccurredOn.AddDays(step.Gap);
            ApplicationEvent e = step.Action switch
            {
                0 => new SupplementRequested(on, By, "补正", step.Param % 3 == 0 ? null : on.AddDays(step.Param % 20)),
                1 => new SupplementReceived(on, By),
                2 => new Abandoned(on, By, AbandonmentReason.NoSupplement),
                3 => new ConsultationStarted(on, By, (ConsultationParty)(step.Param % 2), "第三方"),
                4 => new ConsultationEnded(on, By, (ConsultationReply)(step.Param % 3)),
                5 => new Extended(on, By, 1 + (step.Param % 25), "主任", "复杂"),
                6 => new FeeNotified(on, By, FeeMethod.PerPage, 31 + (step.Param % 300), 0, FeeCalculator.PerPage(31 + (step.Param % 300)).Amount),
                7 => new FeePaid(on, By, c.Events.OfType<FeeNotified>().LastOrDefault()?.Amount ?? 0m),
                8 => new Abandoned(on, By, AbandonmentReason.FeeUnpaid),
                9 => new Decided(on, By, Outcomes.All[step.Param % Outcomes.All.Count], "条例第三十六条"),
                _ => new Closed(on, By),
            };
            var next = c.TryAppend(e);
            if (next.IsSuccess)
            {
                c = next.Value;
            }
        }

        return c;
    }

    [Fact]
    public void Compile_RandomHistories_RuleEngineFindsNoErrors()
    {
        var document = Gen.Select(Gen.Int[0, 1], Gen.Int[new DateOnly(2020, 1, 1).DayNumber, new DateOnly(2026, 12, 31).DayNumber], Gen.Int[-1, 900],
            (kind, issued, repealedAfter) => new RegulatoryDocument(Guid.NewGuid(), (RegulatoryDocumentKind)kind, "文件", null, DateOnly.FromDayNumber(issued),
                repealedAfter < 0 ? null : DateOnly.FromDayNumber(issued + repealedAfter)));
        var month = Gen.Select(Gen.Int[2023, 2026], Gen.Int[1, 12], Gen.Int[0, 500], Gen.Int[0, 99999],
            (y, m, n, fee) => new MonthlyCount(y, m, n, n / 3, n / 7, fee / 100m));
        Gen.Select(s_case.Array[0, 40], Gen.Int[2023, 2026], document.Array[0, 20], month.Array[0, 30]).Sample((scripts, year, documents, months) =>
        {
            var cases = scripts.Select(Play).ToList();
            var compiled = AnnualStatistics.Compile("随机机关", year, cases, [], documents, months);
            var errors = RuleEngine.Check(compiled.Report).Where(d => d.Severity == Severity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToLine())));
            foreach (var (cell, ids) in compiled.Sources)
            {
                Assert.Equal(compiled.Report[cell].Value, ids.Length);
            }
        }, iter: 200);
    }

    [Fact]
    public void Compile_ConsecutiveYears_CarryForwardEqualsNextCarryOver()
    {
        Gen.Select(s_case.Array[0, 40], Gen.Int[2023, 2025]).Sample((scripts, year) =>
        {
            var cases = scripts.Select(Play).ToList();
            var before = AnnualStatistics.Compile("随机机关", year, cases, [], [], []).Report;
            var after = AnnualStatistics.Compile("随机机关", year + 1, cases, [], [], []).Report;
            Assert.Empty(RuleEngine.CheckAgainstPrevious(after, before));
        }, iter: 100);
    }

    [Fact]
    public void Compile_RandomHistoriesWithReviews_Table4PassesAndCountsFiledInYear()
    {
        var review = Gen.Select(Gen.Int[0, 2], Gen.Int[new DateOnly(2024, 1, 1).DayNumber, new DateOnly(2026, 12, 31).DayNumber], Gen.Int[-1, 2], Gen.Int[0, 400],
            (route, filed, outcome, after) => new ReviewCase(Guid.NewGuid(), null, (ReviewRoute)route, DateOnly.FromDayNumber(filed), "复议机关",
                Outcome: outcome < 0 ? null : (ReviewOutcome)outcome, DecidedOn: outcome < 0 ? null : DateOnly.FromDayNumber(filed + after)));
        Gen.Select(review.Array[0, 30], Gen.Int[2024, 2026]).Sample((reviews, year) =>
        {
            var report = AnnualStatistics.Compile("随机机关", year, [], reviews, [], []).Report;
            Assert.DoesNotContain(RuleEngine.Check(report), d => d.Severity == Severity.Error);
            var filed = reviews.Count(r => r.FiledOn.Year == year);
            Assert.Equal(filed, ReviewRows.Sum(r => report["table4", r, 4].Value));
        });
    }

    [Fact]
    public void Replay_RandomHistories_RebuildsSameCaseFromStoredEvents()
    {
        s_case.Sample(script =>
        {
            var c = Play(script, 1);
            var stored = c.Events.Select(e => (e.Kind, Json: ApplicationEventJson.Serialize(e))).ToList();
            var replayed = ApplicationCase.Replay(stored.Select(s => ApplicationEventJson.Deserialize(s.Kind, s.Json)));
            Assert.Equal(c.Events.ToArray(), replayed.Events.ToArray());
            Assert.Equal(c.State, replayed.State);
            Assert.Equal(c.Outcome, replayed.Outcome);
            Assert.Equal(c.Deadline(), replayed.Deadline(), DeadlineComparer.Instance);
        }, iter: 300);
    }

    [Fact]
    public void DeadlineFigures_RandomHistories_EqualTheExplainedDeadlineWithoutItsSteps()
    {
        s_case.Sample(script =>
        {
            var c = Play(script, 1);
            var explained = c.Deadline();
            var figures = c.DeadlineFigures();
            Assert.NotEmpty(explained.Steps);
            Assert.Empty(figures.Steps);
            Assert.Equal(
                (explained.DueOn, explained.IsPaused, explained.IsProvisional, explained.WorkingDays, explained.Counted, explained.AnsweredLate),
                (figures.DueOn, figures.IsPaused, figures.IsProvisional, figures.WorkingDays, figures.Counted, figures.AnsweredLate));
        }, iter: 300);
    }

    [Fact]
    public void Deadline_RandomHistories_KnownWhenRunningUnknownWhenPaused()
    {
        s_case.Sample(script =>
        {
            var c = Play(script, 1);
            var deadline = c.Deadline();
            switch (c.State)
            {
                case ApplicationState.Open:
                    Assert.NotNull(deadline.DueOn);
                    Assert.Equal(deadline.WorkingDays, deadline.Counted);
                    Assert.InRange(deadline.WorkingDays, 20, 40);
                    break;
                case ApplicationState.AwaitingSupplement or ApplicationState.Consulting or ApplicationState.AwaitingFee:
                    Assert.True(deadline.IsPaused || deadline.DueOn is not null);
                    break;
            }

            Assert.Equal("received", deadline.Steps[0].Code);
            Assert.True(deadline.Steps.Select(x => x.Date).SequenceEqual(deadline.Steps.Select(x => x.Date).Order()));
        }, iter: 300);
    }

    private sealed class DeadlineComparer : IEqualityComparer<CaseDeadline>
    {
        public static readonly DeadlineComparer Instance = new();

        public bool Equals(CaseDeadline? x, CaseDeadline? y) =>
            x!.DueOn == y!.DueOn && x.IsPaused == y.IsPaused && x.Counted == y.Counted && x.Steps.SequenceEqual(y.Steps);

        public int GetHashCode(CaseDeadline obj) => obj.DueOn.GetHashCode();
    }
}
