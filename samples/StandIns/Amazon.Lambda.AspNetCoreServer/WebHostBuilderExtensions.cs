using System;
using Amazon.Lambda.AspNetCoreServer.Internal;

// The package declares these in the ASP.NET Core namespace so that they are in scope wherever IWebHostBuilder is.
namespace Microsoft.AspNetCore.Hosting
{
    /// <summary>Extension methods to IWebHostBuilder.</summary>
    public static class WebHostBuilderExtensions
    {
        /// <summary>Extension method for configuring API Gateway as the server for an ASP.NET Core application.</summary>
        /// <param name="hostBuilder">The web host builder.</param>
        /// <returns>The web host builder.</returns>
        [Obsolete("Calls should be replaced with UseLambdaServer")]
        public static IWebHostBuilder UseApiGateway(this IWebHostBuilder hostBuilder)
        {
            return UseLambdaServer(hostBuilder);
        }

        /// <summary>Extension method for configuring Lambda as the server for an ASP.NET Core application.</summary>
        /// <param name="hostBuilder">The web host builder.</param>
        /// <returns>The web host builder.</returns>
        public static IWebHostBuilder UseLambdaServer(this IWebHostBuilder hostBuilder)
        {
            return hostBuilder.ConfigureServices(services =>
            {
                Utilities.EnsureLambdaServerRegistered(services);
            });
        }
    }
}
