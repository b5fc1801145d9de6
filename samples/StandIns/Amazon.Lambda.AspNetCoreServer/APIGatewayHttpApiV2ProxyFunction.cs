using System;
using System.IO;
using System.Text;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.AspNetCoreServer.Internal;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Amazon.Lambda.AspNetCoreServer
{
    /// <summary>
    /// The base class for Lambda functions hosting ASP.NET Core behind an API Gateway HTTP API (payload format 2.0).
    /// </summary>
    public abstract class APIGatewayHttpApiV2ProxyFunction : AbstractAspNetCoreFunction<APIGatewayHttpApiV2ProxyRequest, APIGatewayHttpApiV2ProxyResponse>
    {
        /// <summary>Default Constructor. The ASP.NET Core Framework will be initialized as part of the construction.</summary>
        protected APIGatewayHttpApiV2ProxyFunction()
            : base()
        {
        }

        /// <summary>Configures when the ASP.NET Core framework will be initialized.</summary>
        /// <param name="startupMode">Configure when the ASP.NET Core framework will be initialized.</param>
        protected APIGatewayHttpApiV2ProxyFunction(StartupMode startupMode)
            : base(startupMode)
        {
        }

        /// <summary>Constructor used by Amazon.Lambda.AspNetCoreServer.Hosting to support minimal APIs.</summary>
        /// <param name="hostedServices">The services of a host built elsewhere.</param>
        protected APIGatewayHttpApiV2ProxyFunction(IServiceProvider hostedServices)
            : base(hostedServices)
        {
        }

        /// <inheritdoc/>
        protected override void MarshallRequest(InvokeFeatures features, APIGatewayHttpApiV2ProxyRequest apiGatewayRequest, ILambdaContext lambdaContext)
        {
            var requestFeatures = features.Get<IHttpRequestFeature>();
            requestFeatures.Scheme = "https";
            requestFeatures.Method = apiGatewayRequest.RequestContext?.Http?.Method;
            requestFeatures.Path = apiGatewayRequest.RawPath;
            requestFeatures.QueryString = string.IsNullOrEmpty(apiGatewayRequest.RawQueryString) ? string.Empty : "?" + apiGatewayRequest.RawQueryString;
            requestFeatures.Headers = new HeaderDictionary();
            requestFeatures.Body = new MemoryStream(Encoding.UTF8.GetBytes(apiGatewayRequest.Body ?? string.Empty));
            PostMarshallRequestFeature(requestFeatures, apiGatewayRequest, lambdaContext);
        }

        /// <inheritdoc/>
        protected override APIGatewayHttpApiV2ProxyResponse MarshallResponse(IHttpResponseFeature responseFeatures, ILambdaContext lambdaContext, int statusCodeIfNotSet = 200)
        {
            var response = new APIGatewayHttpApiV2ProxyResponse
            {
                StatusCode = responseFeatures.StatusCode != 0 ? responseFeatures.StatusCode : statusCodeIfNotSet,
            };

            PostMarshallResponseFeature(responseFeatures, response, lambdaContext);
            return response;
        }
    }
}
