using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Hosting;

namespace Amazon.Lambda.AspNetCoreServer
{
    /// <summary>
    /// APIGatewayProxyFunction with a typed startup class: its Init(IWebHostBuilder) calls UseStartup&lt;TStartup&gt;().
    /// </summary>
    /// <typeparam name="TStartup">The type containing the startup methods for the application.</typeparam>
    public abstract class APIGatewayProxyFunction<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.PublicConstructors)] TStartup> : APIGatewayProxyFunction
        where TStartup : class
    {
        /// <summary>Default Constructor. The ASP.NET Core Framework will be initialized as part of the construction.</summary>
        protected APIGatewayProxyFunction()
            : base()
        {
        }

        /// <summary>Configures when the ASP.NET Core framework will be initialized.</summary>
        /// <param name="startupMode">Configure when the ASP.NET Core framework will be initialized.</param>
        protected APIGatewayProxyFunction(StartupMode startupMode)
            : base(startupMode)
        {
        }

        /// <inheritdoc/>
        protected override void Init(IWebHostBuilder builder)
        {
            builder.UseStartup<TStartup>();
        }
    }
}
