using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Amazon.Lambda.ApplicationLoadBalancerEvents;
using Amazon.Lambda.AspNetCoreServer.Internal;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Amazon.Lambda.AspNetCoreServer
{
    /// <summary>The base class for Lambda functions hosting ASP.NET Core behind an Application Load Balancer.</summary>
    public abstract class ApplicationLoadBalancerFunction : AbstractAspNetCoreFunction<ApplicationLoadBalancerRequest, ApplicationLoadBalancerResponse>
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

        /// <summary>Constructor used by Amazon.Lambda.AspNetCoreServer.Hosting to support minimal APIs.</summary>
        /// <param name="hostedServices">The services of a host built elsewhere.</param>
        protected ApplicationLoadBalancerFunction(IServiceProvider hostedServices)
            : base(hostedServices)
        {
        }

        /// <inheritdoc/>
        protected override void MarshallRequest(InvokeFeatures features, ApplicationLoadBalancerRequest lambdaRequest, ILambdaContext lambdaContext)
        {
            var requestFeatures = features.Get<IHttpRequestFeature>();
            requestFeatures.Scheme = "https";
            requestFeatures.Method = lambdaRequest.HttpMethod;
            requestFeatures.Path = lambdaRequest.Path;
            requestFeatures.Headers = new HeaderDictionary();
            requestFeatures.Body = new MemoryStream(Encoding.UTF8.GetBytes(lambdaRequest.Body ?? string.Empty));
            PostMarshallRequestFeature(requestFeatures, lambdaRequest, lambdaContext);
        }

        /// <inheritdoc/>
        protected override ApplicationLoadBalancerResponse MarshallResponse(IHttpResponseFeature responseFeatures, ILambdaContext lambdaContext, int statusCodeIfNotSet = 200)
        {
            var response = new ApplicationLoadBalancerResponse
            {
                StatusCode = responseFeatures.StatusCode != 0 ? responseFeatures.StatusCode : statusCodeIfNotSet,
                MultiValueHeaders = new Dictionary<string, IList<string>>(),
            };

            PostMarshallResponseFeature(responseFeatures, response, lambdaContext);
            return response;
        }
    }
}
