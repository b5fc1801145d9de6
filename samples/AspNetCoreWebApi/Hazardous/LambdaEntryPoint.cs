using System;
using Amazon.Lambda.AspNetCoreServer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace OrdersApi;

/// <summary>
/// The public API behind API Gateway (REST API): handler <c>OrdersApi::OrdersApi.LambdaEntryPoint::FunctionHandlerAsync</c>,
/// a method of the base class. Its base constructor builds and starts the ASP.NET Core host during init, so under
/// SnapStart the startup class and the singletons it builds are in the snapshot.
/// </summary>
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    // SNAP002: the x-instance header is meant to tell execution environments apart; generated once during init, it
    // is the same in every restored copy.
    internal static readonly string InstanceId = Guid.NewGuid().ToString("N");

    protected override void Init(IWebHostBuilder builder)
    {
        builder.UseStartup<Startup>();
    }

    protected override void Init(IHostBuilder builder)
    {
    }
}

/// <summary>
/// The back office behind an internal Application Load Balancer: handler
/// <c>OrdersApi::OrdersApi.BackOfficeEntryPoint::FunctionHandlerAsync</c>, same startup class.
/// </summary>
public class BackOfficeEntryPoint : ApplicationLoadBalancerFunction<Startup>
{
    // SNAP047: the host is built on the first request, after the snapshot: every restored copy pays the whole
    // ASP.NET Core startup again, and the package's warm-up hook is never registered in time.
    public BackOfficeEntryPoint()
        : base(StartupMode.FirstRequest)
    {
    }
}
