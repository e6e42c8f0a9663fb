using Gongkai.Domain.Casework;
using Gongkai.Domain.Results;

namespace Gongkai.Domain.Tests.Results;

public sealed class ResultTests
{
    [Fact]
    public void AValue_IsASuccess()
    {
        Result<int> r = 42;
        Assert.True(r.IsSuccess);
        Assert.Null(r.Problem);
        Assert.Null(r.Code);
        Assert.Equal(42, r.Value);
        Assert.True(r.TryGetValue(out var v));
        Assert.Equal(42, v);
    }

    [Fact]
    public void AProblem_HasNoValue_AndValueThrowsWithTheProblem()
    {
        Result<int> r = CaseworkCodes.Problem(CaseworkCodes.SupplementOnce);
        Assert.False(r.IsSuccess);
        Assert.Equal("supplement.once", r.Code);
        Assert.False(r.TryGetValue(out _));
        var thrown = Assert.Throws<ProblemException>(() => r.Value);
        Assert.Same(r.Problem, thrown.Problem);
        Assert.Contains("补正应一次性告知", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_KeepsTheProblem()
    {
        Result<int> ok = 2;
        Assert.Equal("2", ok.Map(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Value);
        Result<int> refused = CaseworkCodes.Problem(CaseworkCodes.FeeOnce);
        Assert.Equal(CaseworkCodes.FeeOnce, refused.Map(i => i * 2).Code);
    }

    [Fact]
    public void Application_TryCreate_RefusesWithoutTheDateArt31Needs()
    {
        var applicant = new Applicant(ApplicantKind.NaturalPerson, "张三", new IdentityDocument(IdentityDocumentKind.Passport, "E1234567"), new Contact("13800000000"));
        var r = Application.TryCreate(Guid.NewGuid(), "T", applicant, "某信息", DeliveryForm.Email, ReceiptChannel.Online, new ReceiptEvidence(new DateOnly(2025, 3, 3)));
        Assert.Equal(CaseworkCodes.ReceiptMissingDate, r.Code);
        Assert.StartsWith("网络申请需提供双方确认的日期", r.Problem!.MessageZh, StringComparison.Ordinal);
    }
}
