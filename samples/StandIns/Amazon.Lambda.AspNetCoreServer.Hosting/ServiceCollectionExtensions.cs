using System;
using System.Net.Http;
using System.Text.Json.Serialization;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Amazon.Lambda.Serialization.SystemTextJson;

// The package declares its public API in this namespace so that it is in scope wherever IServiceCollection is.
namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Enum for the possible event sources that will send HTTP request into the ASP.NET Core Lambda function.</summary>
    public enum LambdaEventSource
    {
        /// <summary>API Gateway REST API.</summary>
        RestApi,

        /// <summary>API Gateway HTTP API.</summary>
        HttpApi,

        /// <summary>ELB Application Load Balancer.</summary>
        ApplicationLoadBalancer,

        /// <summary>API Gateway WebSocket API.</summary>
        WebsocketApi,
    }

    /// <summary>Extension methods to IServiceCollection.</summary>
    public static class ServiceCollectionExtensions
    {
        /// <summary>
        /// Add the ability to run the ASP.NET Core Lambda function in AWS Lambda. If the project is not running in
        /// Lambda this method will do nothing allowing the normal Kestrel webserver to host the application.
        /// </summary>
        public static IServiceCollection AddAWSLambdaHosting(this IServiceCollection services, LambdaEventSource eventSource)
        {
            return services.AddAWSLambdaHosting(eventSource, (Action<HostingOptions>?)null);
        }

        /// <summary>
        /// Add the ability to run the ASP.NET Core Lambda function in AWS Lambda. If the project is not running in
        /// Lambda this method will do nothing allowing the normal Kestrel webserver to host the application.
        /// </summary>
        public static IServiceCollection AddAWSLambdaHosting(this IServiceCollection services, LambdaEventSource eventSource, Action<HostingOptions>? configure = null)
        {
            TryLambdaSetup(eventSource, configure);
            return services;
        }

        /// <summary>
        /// Add the ability to run the ASP.NET Core Lambda function in AWS Lambda, serializing with the System.Text.Json
        /// source generator context <typeparamref name="T"/> (Native AOT).
        /// </summary>
        public static IServiceCollection AddAWSLambdaHosting<T>(this IServiceCollection services, LambdaEventSource eventSource, SourceGeneratorLambdaJsonSerializer<T> serializer, Action<HostingOptions>? configure = null)
            where T : JsonSerializerContext
        {
            TryLambdaSetup(eventSource, configure);
            return services;
        }

        /// <summary>
        /// Adds a request that is sent through the ASP.NET Core and Lambda pipelines (5 times) before the SnapStart
        /// snapshot is taken, to warm them up. Its RequestUri must be relative.
        /// </summary>
        public static IServiceCollection AddAWSLambdaBeforeSnapshotRequest(this IServiceCollection services, HttpRequestMessage beforeSnapStartRequest)
        {
            return services;
        }

        private static void TryLambdaSetup(LambdaEventSource eventSource, Action<HostingOptions>? configure)
        {
            // Not running in Lambda: Kestrel stays the web server, exactly as the real package behaves locally.
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME")))
            {
                return;
            }

            var hostingOptions = new HostingOptions();
            configure?.Invoke(hostingOptions);
            if (eventSource != LambdaEventSource.RestApi && eventSource != LambdaEventSource.HttpApi && eventSource != LambdaEventSource.ApplicationLoadBalancer)
            {
                throw new ArgumentException($"Event source type {eventSource} unknown");
            }
        }
    }
}
