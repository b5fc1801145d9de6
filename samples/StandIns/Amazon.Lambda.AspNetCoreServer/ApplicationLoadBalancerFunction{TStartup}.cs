using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Hosting;

namespace Amazon.Lambda.AspNetCoreServer
{
    /// <summary>
    /// ApplicationLoadBalancerFunction with a typed startup class: its Init(IWebHostBuilder) calls UseStartup&lt;TStartup&gt;().
    /// </summary>
    /// <typeparam name="TStartup">The type containing the startup methods for the application.</typeparam>
    public abstract class ApplicationLoadBalancerFunction<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.PublicConstructors)] TStartup> : ApplicationLoadBalancerFunction
        where TStartup : class
    {
        /// <summary>Default Constructor. The ASP.NET Core Framework will be initialized as part of the construction.</summary>
        protected ApplicationLoadBalancerFunction()
            : base()
        {
        }

        /// <summary>Configures when the ASP.NET Core framework will be initialized.</summary>
        /// <param name="startupMode">Configure when the ASP.NET Core framework will be initialized.</param>
        protected ApplicationLoadBalancerFunction(StartupMode startupMode)
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
