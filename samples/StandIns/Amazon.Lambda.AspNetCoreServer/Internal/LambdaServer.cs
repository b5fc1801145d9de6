using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace Amazon.Lambda.AspNetCoreServer.Internal
{
    /// <summary>The IServer that replaces Kestrel: requests come from the Lambda handler, not from a socket.</summary>
    public class LambdaServer : IServer
    {
        /// <inheritdoc/>
        public IFeatureCollection Features { get; } = new FeatureCollection();

        /// <inheritdoc/>
        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) => Task.CompletedTask;

        /// <inheritdoc/>
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        /// <inheritdoc/>
        public void Dispose()
        {
        }
    }
}
