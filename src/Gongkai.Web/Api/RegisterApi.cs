namespace Gongkai.Web.Api;

public static class RegisterApi
{
    public static IEndpointRouteBuilder MapRegisterApi(this IEndpointRouteBuilder app) => app;
}
