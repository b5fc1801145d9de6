using System;
using System.Collections.Generic;
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
    /// The base class for Lambda functions hosting ASP.NET Core behind an API Gateway REST API (or an HTTP API with
    /// payload format 1.0). The derived class implements the Init method, similar to Main in ASP.NET Core; the
    /// function handler points to this base class's FunctionHandlerAsync method.
    /// </summary>
    public abstract class APIGatewayProxyFunction : AbstractAspNetCoreFunction<APIGatewayProxyRequest, APIGatewayProxyResponse>
    {
        /// <summary>Key to access the ILambdaContext object from the HttpContext.Items collection.</summary>
        [Obsolete("References should be updated to Amazon.Lambda.AspNetCoreServer.AbstractAspNetCoreFunction.LAMBDA_CONTEXT")]
        public new const string LAMBDA_CONTEXT = AbstractAspNetCoreFunction.LAMBDA_CONTEXT;

        /// <summary>Key to access the APIGatewayProxyRequest object from the HttpContext.Items collection.</summary>
        [Obsolete("References should be updated to Amazon.Lambda.AspNetCoreServer.AbstractAspNetCoreFunction.LAMBDA_REQUEST_OBJECT")]
        public const string APIGATEWAY_REQUEST = AbstractAspNetCoreFunction.LAMBDA_REQUEST_OBJECT;

        /// <summary>Default Constructor. The ASP.NET Core Framework will be initialized as part of the construction.</summary>
        protected APIGatewayProxyFunction()
            : base()
        {
        }

        /// <summary>Configures when the ASP.NET Core framework will be initialized.</summary>
        /// <param name="startupMode">Configure when the ASP.NET Core framework will be initialized.</param>
        [Obsolete("Calls to the constructor should be replaced with the constructor that takes a Amazon.Lambda.AspNetCoreServer.StartupMode as the parameter.")]
        protected APIGatewayProxyFunction(AspNetCoreStartupMode startupMode)
            : base((StartupMode)startupMode)
        {
        }

        /// <summary>Configures when the ASP.NET Core framework will be initialized.</summary>
        /// <param name="startupMode">Configure when the ASP.NET Core framework will be initialized.</param>
        protected APIGatewayProxyFunction(StartupMode startupMode)
            : base(startupMode)
        {
        }

        /// <summary>Constructor used by Amazon.Lambda.AspNetCoreServer.Hosting to support minimal APIs.</summary>
        /// <param name="hostedServices">The services of a host built elsewhere.</param>
        protected APIGatewayProxyFunction(IServiceProvider hostedServices)
            : base(hostedServices)
        {
        }

        /// <summary>The modes for when the ASP.NET Core framework will be initialized.</summary>
        [Obsolete("References should be updated to Amazon.Lambda.AspNetCoreServer.StartupMode")]
        public enum AspNetCoreStartupMode
        {
            /// <summary>Initialize during the construction of APIGatewayProxyFunction.</summary>
            Constructor = StartupMode.Constructor,

            /// <summary>Initialize during the first incoming request.</summary>
            FirstRequest = StartupMode.FirstRequest,
        }

        /// <inheritdoc/>
        protected override void MarshallRequest(InvokeFeatures features, APIGatewayProxyRequest apiGatewayRequest, ILambdaContext lambdaContext)
        {
            var requestFeatures = features.Get<IHttpRequestFeature>();
            requestFeatures.Scheme = "https";
            requestFeatures.Method = ParseHttpMethod(apiGatewayRequest);
            requestFeatures.Path = ParseHttpPath(apiGatewayRequest);
            requestFeatures.Headers = AddMissingRequestHeaders(apiGatewayRequest, new HeaderDictionary());
            requestFeatures.Body = new MemoryStream(Encoding.UTF8.GetBytes(apiGatewayRequest.Body ?? string.Empty));
            PostMarshallRequestFeature(requestFeatures, apiGatewayRequest, lambdaContext);
        }

        /// <inheritdoc/>
        protected override APIGatewayProxyResponse MarshallResponse(IHttpResponseFeature responseFeatures, ILambdaContext lambdaContext, int statusCodeIfNotSet = 200)
        {
            var response = new APIGatewayProxyResponse
            {
                StatusCode = responseFeatures.StatusCode != 0 ? responseFeatures.StatusCode : statusCodeIfNotSet,
                MultiValueHeaders = new Dictionary<string, IList<string>>(),
            };

            PostMarshallResponseFeature(responseFeatures, response, lambdaContext);
            return response;
        }

        /// <summary>The path of the ASP.NET Core request, from the API Gateway request.</summary>
        protected virtual string ParseHttpPath(APIGatewayProxyRequest apiGatewayRequest) => apiGatewayRequest.Path;

        /// <summary>The HTTP method of the ASP.NET Core request, from the API Gateway request.</summary>
        protected virtual string ParseHttpMethod(APIGatewayProxyRequest apiGatewayRequest) => apiGatewayRequest.HttpMethod;

        /// <summary>Adds headers the ASP.NET Core request needs and API Gateway does not send.</summary>
        protected virtual IHeaderDictionary AddMissingRequestHeaders(APIGatewayProxyRequest apiGatewayRequest, IHeaderDictionary headers) => headers;
    }
}
