using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Amazon.Lambda.AspNetCoreServer.Internal
{
    /// <summary>Helpers of the package.</summary>
    public static class Utilities
    {
        /// <summary>Registers <see cref="LambdaServer"/> as the host's IServer, replacing Kestrel.</summary>
        /// <param name="services">The host's services.</param>
        public static void EnsureLambdaServerRegistered(IServiceCollection services)
        {
            services.RemoveAll<IServer>();
            services.AddSingleton<IServer, LambdaServer>();
        }
    }
}
