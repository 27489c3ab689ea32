using Pnx.Access.Web;
using Pnx.Api.Feed;
using Pnx.Api.Municipal;
using Pnx.Api.Newcomers;
using Pnx.Api.Tokens;

namespace Pnx.Api;

/// <summary>
/// Wiring of the REST API (contract §8): the bearer scheme, the policies, the per-client rate limiter, the
/// OpenAPI document and the routes. The host calls <see cref="AddPnxApi"/> and <see cref="MapPnxApi"/> once each.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    public static IServiceCollection AddPnxApi(this IServiceCollection services)
    {
        BearerAuthentication.Add(services);
        services.AddAuthorization(ApiPolicies.Add);
        services.AddSingleton<ApiRateLimiter>();
        services.AddScoped<ApiCallFilter>();
        Docs.ApiDocument.Add(services);
        return services;
    }

    public static WebApplication MapPnxApi(this WebApplication app)
    {
        var api = app.MapGroup(Prefix).AddEndpointFilter<ApiCallFilter>().DisableAntiforgery();

        api.MapPost("/token", TokenEndpoint.HandleAsync).AllowAnonymous().WithName("token")
            .WithSummary("Get an access token (OAuth 2.0 client credentials)").WithTags("Tokens")
            .Produces<TokenResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(429);

        var agency = api.MapGroup("/municipalities/{nis}").RequireAuthorization(ApiPolicies.AgencyNewcomers).WithTags("Agency");
        agency.MapPost("/newcomers", NewcomerPushEndpoint.PushAsync).WithName("pushNewcomers")
            .WithSummary("Push newcomers of one municipality (all or nothing)")
            .AcceptsJson<NewcomerPushRequest>().Produces<NewcomerPushResult>()
            .WithErrors(400, 401, 404, 409, 429);
        agency.MapPost("/withdrawals", WithdrawalEndpoint.WithdrawAsync).WithName("withdrawNewcomers")
            .WithSummary("Withdraw newcomers: their personal data leave the workspace at once")
            .AcceptsJson<WithdrawalRequest>().Produces<WithdrawalResult>()
            .WithErrors(400, 401, 404, 409, 429);

        api.MapGet("/status-changes", StatusFeedEndpoint.ReadAsync).RequireAuthorization(ApiPolicies.AgencyFeed).WithTags("Agency")
            .WithName("statusChanges").WithSummary("The back-flow of enrolment statuses across municipalities, oldest first")
            .Produces<StatusChangePage>().WithErrors(400, 401, 403, 429);

        var municipal = api.MapGroup("/municipalities/{nis}").RequireAuthorization(ApiPolicies.Municipal).WithTags("Municipality");
        municipal.MapGet("/activities", ActivityEndpoints.ListAsync).WithName("activities")
            .WithSummary("The municipality's activities and those shared with it").Produces<ActivityList>().WithErrors(401, 404, 429);
        municipal.MapGet("/matches", MatchEndpoints.ListAsync).WithName("matches")
            .WithSummary("Activities that suit a newcomer, best first, with reasons").Produces<MatchList>().WithErrors(400, 401, 404, 429);
        municipal.MapPost("/enrolments", EnrolmentEndpoints.CreateAsync).WithName("createEnrolment")
            .WithSummary("Propose an activity to a newcomer (status voorgesteld)")
            .AcceptsJson<EnrolmentCreateRequest>().Produces<EnrolmentView>(StatusCodes.Status201Created)
            .WithErrors(400, 401, 404, 422, 429);
        municipal.MapGet("/enrolments/{id:long}", EnrolmentEndpoints.GetAsync).WithName("getEnrolment")
            .WithSummary("An enrolment, with its ETag").Produces<EnrolmentView>().WithErrors(401, 404, 429);
        municipal.MapPost("/enrolments/{id:long}/status", EnrolmentEndpoints.ChangeStatusAsync).WithName("changeEnrolmentStatus")
            .WithSummary("Move an enrolment along the status order (If-Match required)")
            .AcceptsJson<EnrolmentStatusRequest>().Produces<EnrolmentView>()
            .WithErrors(400, 401, 404, 412, 422, 428, 429);

        Docs.ApiDocument.Map(app);
        return app;
    }

    /// <summary>
    /// Documents the JSON body without routing on it (Accepts metadata would route a wrong content type to the
    /// fallback's 404); the handlers read and check the body themselves.
    /// </summary>
    private static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder builder) => builder.WithMetadata(new Docs.JsonBody(typeof(T)));

    private static RouteHandlerBuilder WithErrors(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses) builder.ProducesProblem(status);
        return builder;
    }
}
