namespace Gongkai.Web.Tests.Crawl;

public sealed class ForeignTextTests
{
    [Theory]
    [InlineData("自申请之日起 paused after 3 working days", "paused,after,working,days")]
    [InlineData("现场提交（received… InPerson）", "received,InPerson")]
    [InlineData("部分公开 partially_granted（按期 in time）", "partially,granted,time")]
    [InlineData("调休上班日，计入 [spring_festival; national_day]", "spring,festival,national,day")]
    [InlineData("user.create case.decide", "user,create,case,decide")]
    [InlineData("LLWJ-2026-AB12CD34 closed/decided", "closed,decided")]
    [InlineData("T3.row-total 本年新收行", "row,total")]
    public void Words_EnglishAndRawCodes_Found(string text, string expected) =>
        Assert.Equal(expected.Split(','), ForeignText.Words(text));

    [Theory]
    [InlineData("下载 PDF · DOCX · JSON · CSV · XLSX")]
    [InlineData("查询编号 LLWJ-2026-AB12CD34，索引号 11371324MB2858127M/2025-00001")]
    [InlineData("电子邮箱 wang@example.com，网址 https://www.gov.cn/zhengce/")]
    [InlineData("原通知见 /zwgk/2019/old-notice.html")]
    [InlineData("第3行 2025-02-10 兰卫发〔2025〕12号 ID 第1页")]
    public void Words_FormatsReferencesAddresses_Allowed(string text) =>
        Assert.Empty(ForeignText.Words(text));
}
