using Gongkai.Domain.Casework;
using static Gongkai.Domain.Tests.Casework.Cases;

namespace Gongkai.Domain.Tests.Casework;

/// <summary>承办人 (<see cref="Assigned"/>) and 转办 (<see cref="Transferred"/>): who and where, never when.</summary>
public sealed class CaseRoutingTests
{
    private static Assigned Assign(DateOnly on, string who = "llwj.officer", string name = "李四") => new(on, By, who, name);

    private static Transferred Transfer(DateOnly on, string reason = "所需信息由自然资源局制作") => new(on, By, "兰陵县卫生健康局", "兰陵县自然资源局", reason);

    [Fact]
    public void Assigned_NamesTheHandler_AndLeavesTheDeadlineAlone()
    {
        var c = Register(D(2025, 3, 3));
        var assigned = c.Then(Assign(D(2025, 3, 4)));
        Assert.Equal(("llwj.officer", "李四"), (assigned.Handler, assigned.HandlerName));
        Assert.Equal(c.Deadline().DueOn, assigned.Deadline().DueOn);
        Assert.Equal(ApplicationState.Open, assigned.State);
    }

    [Fact]
    public void Assigned_TheSameHandlerAgain_IsRefused()
    {
        var c = Register(D(2025, 3, 3)).Then(Assign(D(2025, 3, 4)));
        Assert.Equal("assign.same", c.Refused(Assign(D(2025, 3, 5))).Code);
        Assert.Equal("assign.no-handler", c.Refused(Assign(D(2025, 3, 5), " ", "")).Code);
    }

    [Fact]
    public void Assigned_AfterTheDecision_IsAllowed_ButNotAfterClosing()
    {
        var decided = Register(D(2025, 3, 3)).Then(Decide(D(2025, 3, 10)));
        Assert.Equal("王五", decided.Then(Assign(D(2025, 3, 11), "x", "王五")).HandlerName);
        var closed = decided.Then(new Closed(D(2025, 3, 12), By));
        Assert.Equal("event.closed", closed.Refused(Assign(D(2025, 3, 13))).Code);
    }

    [Fact]
    public void Transferred_KeepsReceiptAndDueDate_AndClearsTheHandler()
    {
        var c = Register(D(2025, 3, 3)).Then(Assign(D(2025, 3, 3)));
        var moved = c.Then(Transfer(D(2025, 3, 5)));
        Assert.Equal(c.ReceivedOn, moved.ReceivedOn);
        Assert.Equal(c.Deadline().DueOn, moved.Deadline().DueOn);
        Assert.Null(moved.Handler);
        Assert.Equal("转办", CaseworkText.NameOf(moved.Events[^1]));
    }

    [Fact]
    public void Transferred_NeedsAReasonAndAnotherAgency_AndAnUndecidedCase()
    {
        var c = Register(D(2025, 3, 3));
        Assert.Equal("transfer.no-reason", c.Refused(Transfer(D(2025, 3, 4), "  ")).Code);
        Assert.Equal("transfer.agency", c.Refused(new Transferred(D(2025, 3, 4), By, "兰陵县卫生健康局", "兰陵县卫生健康局", "x")).Code);
        var decided = c.Then(Decide(D(2025, 3, 10)));
        Assert.Equal("event.decided", decided.Refused(Transfer(D(2025, 3, 11))).Code);
    }

    [Fact]
    public void NewEvents_RoundTripThroughTheStoredJson()
    {
        ApplicationEvent[] events = [Assign(D(2025, 3, 4)), Transfer(D(2025, 3, 5))];
        foreach (var e in events)
        {
            var back = ApplicationEventJson.Deserialize(e.Kind, ApplicationEventJson.Serialize(e));
            Assert.Equal(e, back);
        }

        Assert.Contains("assigned", ApplicationEventJson.Kinds);
        Assert.Contains("transferred", ApplicationEventJson.Kinds);
    }
}
