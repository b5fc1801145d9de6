using System;
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace OrdersApi;

/// <summary>
/// The public API behind API Gateway (REST API): handler <c>OrdersApi::OrdersApi.LambdaEntryPoint::FunctionHandlerAsync</c>,
/// a method of the base class. Its base constructor builds and starts the ASP.NET Core host during init.
/// </summary>
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    // Generated during init, so that the function works without SnapStart; a new one after every restore.
    internal static string InstanceId = Guid.NewGuid().ToString("N");

    static LambdaEntryPoint()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            InstanceId = Guid.NewGuid().ToString("N");
            return ValueTask.CompletedTask;
        });
    }

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
/// <c>OrdersApi::OrdersApi.BackOfficeEntryPoint::FunctionHandlerAsync</c>, same startup class. The default startup
/// mode builds the host in the constructor, during init: it is in the snapshot.
/// </summary>
public class BackOfficeEntryPoint : ApplicationLoadBalancerFunction<Startup>
{
}
