using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers.Lambda.Models
{
    /// <summary>
    /// The ASP.NET Core and Amazon.Lambda.AspNetCoreServer types the ASP.NET Core function model reads, resolved once
    /// per compilation by metadata name, and only for a compilation that references Amazon.Lambda.AspNetCoreServer.
    /// </summary>
    internal sealed class AspNetCoreTypes
    {
        private AspNetCoreTypes(Compilation compilation, INamedTypeSymbol abstractFunction)
        {
            AbstractFunction = abstractFunction;
            StartupMode = compilation.GetTypeByMetadataName("Amazon.Lambda.AspNetCoreServer.StartupMode");
            IWebHostBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.IWebHostBuilder");
            IHostBuilder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostBuilder");
            IApplicationBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.IApplicationBuilder");
            IEndpointRouteBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
            IRouteBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IRouteBuilder");
            IServiceCollection = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection");
            IConfigurationBuilder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfigurationBuilder");
            ILoggingBuilder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILoggingBuilder");
            HttpContext = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext");
            RequestDelegate = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.RequestDelegate");
            IMiddleware = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IMiddleware");
            IHostedService = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostedService");
            ControllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
            ControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerAttribute");
            NonControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
            NonActionAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonActionAttribute");
        }

        /// <summary><c>Amazon.Lambda.AspNetCoreServer.AbstractAspNetCoreFunction</c>, the base of every entry point.</summary>
        public INamedTypeSymbol AbstractFunction { get; }

        /// <summary><c>Amazon.Lambda.AspNetCoreServer.StartupMode</c>.</summary>
        public INamedTypeSymbol? StartupMode { get; }

        public INamedTypeSymbol? IWebHostBuilder { get; }
        public INamedTypeSymbol? IHostBuilder { get; }
        public INamedTypeSymbol? IApplicationBuilder { get; }
        public INamedTypeSymbol? IEndpointRouteBuilder { get; }
        public INamedTypeSymbol? IRouteBuilder { get; }
        public INamedTypeSymbol? IServiceCollection { get; }
        public INamedTypeSymbol? IConfigurationBuilder { get; }
        public INamedTypeSymbol? ILoggingBuilder { get; }
        public INamedTypeSymbol? HttpContext { get; }
        public INamedTypeSymbol? RequestDelegate { get; }
        public INamedTypeSymbol? IMiddleware { get; }
        public INamedTypeSymbol? IHostedService { get; }

        /// <summary><c>Microsoft.AspNetCore.Mvc.ControllerBase</c> (<c>Controller</c> derives from it).</summary>
        public INamedTypeSymbol? ControllerBase { get; }

        /// <summary><c>[Controller]</c>; <c>[ApiController]</c> derives from it.</summary>
        public INamedTypeSymbol? ControllerAttribute { get; }

        public INamedTypeSymbol? NonControllerAttribute { get; }
        public INamedTypeSymbol? NonActionAttribute { get; }

        /// <summary>The types, or null when the compilation does not reference Amazon.Lambda.AspNetCoreServer.</summary>
        public static AspNetCoreTypes? Resolve(Compilation compilation, KnownTypes types)
            => types.AbstractAspNetCoreFunction is { } abstractFunction ? new AspNetCoreTypes(compilation, abstractFunction) : null;

        /// <summary>True for the builders ASP.NET Core hands to configuration callbacks it runs while the host is built and started.</summary>
        public bool IsBuilder(ITypeSymbol? type)
            => KnownTypes.IsA(type, IWebHostBuilder) || KnownTypes.IsA(type, IHostBuilder) || KnownTypes.IsA(type, IApplicationBuilder)
                || KnownTypes.IsA(type, IEndpointRouteBuilder) || KnownTypes.IsA(type, IRouteBuilder) || KnownTypes.IsA(type, IConfigurationBuilder)
                || KnownTypes.IsA(type, ILoggingBuilder);

        /// <summary>True for the host builders: every callback given to them runs while the host is built.</summary>
        public bool IsHostBuilder(ITypeSymbol? type) => KnownTypes.IsA(type, IWebHostBuilder) || KnownTypes.IsA(type, IHostBuilder);

        /// <summary>True for the builders of the request pipeline: the delegates given to them (other than configuration callbacks) run per request.</summary>
        public bool IsPipelineBuilder(ITypeSymbol? type)
            => KnownTypes.IsA(type, IApplicationBuilder) || KnownTypes.IsA(type, IEndpointRouteBuilder) || KnownTypes.IsA(type, IRouteBuilder);
    }
}
