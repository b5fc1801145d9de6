using System;
using System.IO;
using Microsoft.AspNetCore.Hosting;

// The package declares this in the hosting namespace so that it is in scope wherever IHostBuilder is.
namespace Microsoft.Extensions.Hosting
{
    /// <summary>Extension methods to IHostBuilder.</summary>
    public static class HostBuilderExtensions
    {
        /// <summary>
        /// Configures the web host with the defaults of ConfigureWebHostDefaults, with Lambda instead of Kestrel as the
        /// server, then runs <paramref name="configure"/>.
        /// </summary>
        /// <param name="builder">The host builder.</param>
        /// <param name="configure">Configures the web host builder.</param>
        /// <returns>The host builder.</returns>
        public static IHostBuilder ConfigureWebHostLambdaDefaults(this IHostBuilder builder, Action<IWebHostBuilder> configure)
        {
            builder.ConfigureWebHostDefaults(webBuilder =>
            {
                webBuilder.UseContentRoot(Directory.GetCurrentDirectory());

                // Swap out Kestrel as the webserver and use our implementation of IServer.
                webBuilder.UseLambdaServer();

                configure(webBuilder);
            });

            return builder;
        }
    }
}
