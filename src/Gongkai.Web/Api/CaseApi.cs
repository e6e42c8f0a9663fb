namespace Gongkai.Web.Api;

public static class CaseApi
{
    public static IEndpointRouteBuilder MapCaseApi(this IEndpointRouteBuilder app) => app;
}
