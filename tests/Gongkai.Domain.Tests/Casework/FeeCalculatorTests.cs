using Gongkai.Domain.Casework;

namespace Gongkai.Domain.Tests.Casework;

public sealed class FeeCalculatorTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 100)]
    [InlineData(31, 200)]
    [InlineData(40, 200)]
    [InlineData(41, 300)]
    [InlineData(50, 300)]
    [InlineData(51, 400)]
    public void PerRequestRate_BandEdges_FollowTable(int n, int rate)
    {
        Assert.Equal(rate, FeeCalculator.PerRequestRate(n));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(30, 0)]
    [InlineData(31, 10)]
    [InlineData(100, 10)]
    [InlineData(101, 20)]
    [InlineData(200, 20)]
    [InlineData(201, 40)]
    [InlineData(1000, 40)]
    public void PerPageRate_BandEdges_FollowTable(int page, int rate)
    {
        Assert.Equal(rate, FeeCalculator.PerPageRate(page));
    }

    [Theory]
    [InlineData(30, 0)]
    [InlineData(31, 10)]
    [InlineData(100, 700)]
    [InlineData(101, 720)]
    [InlineData(200, 2700)]
    [InlineData(201, 2740)]
    [InlineData(250, 4700)]
    public void PerPage_Pages_IsExcessProgressive(int pages, int amount)
    {
        Assert.Equal(amount, FeeCalculator.PerPage(pages).Amount);
    }

    [Theory]
    [InlineData(0, 10, 0)]
    [InlineData(0, 11, 100)]
    [InlineData(10, 1, 100)]
    [InlineData(9, 2, 100)]
    [InlineData(0, 30, 2000)]
    [InlineData(29, 2, 300)]
    [InlineData(0, 40, 4000)]
    [InlineData(0, 41, 4300)]
    [InlineData(40, 1, 300)]
    public void PerRequest_MonthlyCount_ChargesEachRequestAtItsBand(int prior, int requests, int amount)
    {
        var quote = FeeCalculator.PerRequest(prior, requests);
        Assert.Equal(amount, quote.Amount);
        Assert.Equal(requests, quote.Lines.Sum(l => l.Units));
    }

    [Fact]
    public void PerPage_Quote_ListsBandLines()
    {
        var quote = FeeCalculator.PerPage(150);
        Assert.Equal([new FeeLine(1, 30, 0m), new FeeLine(31, 100, 10m), new FeeLine(101, 150, 20m)], quote.Lines.ToArray());
        Assert.Equal(1700m, quote.Amount);
    }

    [Fact]
    public void RequestsInMonthBefore_SameApplicantSameMonth_CountsEarlierRequests()
    {
        var person = Cases.Person("李雷");
        Application Make(int day, int requests, Applicant who) =>
            Application.Create(Guid.NewGuid(), "T", who, "x", DeliveryForm.Email, ReceiptChannel.InPerson, new ReceiptEvidence(new DateOnly(2025, 5, day)), requests: requests);
        var apps = new[]
        {
            Make(2, 6, person),
            Make(5, 5, Cases.Person("韩梅梅")),
            Make(9, 5, person),
            Make(12, 1, person),
        };
        var lastMonth = Application.Create(Guid.NewGuid(), "T", person, "x", DeliveryForm.Email, ReceiptChannel.InPerson, new ReceiptEvidence(new DateOnly(2025, 4, 30)), requests: 9);
        var all = new[] { lastMonth }.Concat(apps).ToList();
        var prior = FeeCalculator.RequestsInMonthBefore(all, person, apps[3].ReceivedOn, apps[3]);
        Assert.Equal(11, prior);
        Assert.Equal(100m, FeeCalculator.PerRequest(prior, apps[3].Requests).Amount);
        Assert.Equal(100m, FeeCalculator.PerRequestFor(apps[3], all.AsEnumerable().Reverse()).Amount);
        Assert.Equal(0m, FeeCalculator.PerRequestFor(apps[0], all).Amount);
    }

    [Fact]
    public void PerRequest_InvalidInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeCalculator.PerRequest(-1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeCalculator.PerRequest(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeCalculator.PerPage(0));
    }
}
