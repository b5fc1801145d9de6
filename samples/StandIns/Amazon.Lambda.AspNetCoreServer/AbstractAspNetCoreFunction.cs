using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer.Internal;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.Extensions.Hosting;

namespace Amazon.Lambda.AspNetCoreServer
{
    /// <summary>Base class for ASP.NET Core Lambda functions.</summary>
    public abstract class AbstractAspNetCoreFunction
    {
        /// <summary>Key to access the ILambdaContext object from the HttpContext.Items collection.</summary>
        public const string LAMBDA_CONTEXT = "LambdaContext";

        /// <summary>Key to access the Lambda request object from the HttpContext.Items collection.</summary>
        public const string LAMBDA_REQUEST_OBJECT = "LambdaRequestObject";
    }

    /// <summary>
    /// Base class for ASP.NET Core Lambda functions: the constructor builds and starts the host (or the first request
    /// does, with <see cref="StartupMode.FirstRequest"/>); <see cref="FunctionHandlerAsync"/> is the Lambda handler.
    /// </summary>
    /// <typeparam name="TREQUEST">The Lambda event type.</typeparam>
    /// <typeparam name="TRESPONSE">The Lambda response type.</typeparam>
    public abstract class AbstractAspNetCoreFunction<TREQUEST, TRESPONSE> : AbstractAspNetCoreFunction
    {
        private protected IServiceProvider _hostServices;
        private protected StartupMode _startupMode;

        private readonly Dictionary<string, ResponseContentEncoding> _responseContentEncodingForContentType = new Dictionary<string, ResponseContentEncoding>
        {
            ["text/plain"] = ResponseContentEncoding.Default,
            ["application/json"] = ResponseContentEncoding.Default,
            ["application/octet-stream"] = ResponseContentEncoding.Base64,
            ["image/png"] = ResponseContentEncoding.Base64,
        };

        private readonly Dictionary<string, ResponseContentEncoding> _responseContentEncodingForContentEncoding = new Dictionary<string, ResponseContentEncoding>
        {
            ["gzip"] = ResponseContentEncoding.Base64,
            ["deflate"] = ResponseContentEncoding.Base64,
            ["br"] = ResponseContentEncoding.Base64,
        };

        /// <summary>Default Constructor. The ASP.NET Core Framework will be initialized as part of the construction.</summary>
        protected AbstractAspNetCoreFunction()
            : this(StartupMode.Constructor)
        {
        }

        /// <summary>Configures when the ASP.NET Core framework will be initialized.</summary>
        /// <param name="startupMode">Configure when the ASP.NET Core framework will be initialized.</param>
        protected AbstractAspNetCoreFunction(StartupMode startupMode)
        {
            _startupMode = startupMode;
            if (_startupMode == StartupMode.Constructor)
            {
                Start();
            }
        }

        /// <summary>Constructor used by Amazon.Lambda.AspNetCoreServer.Hosting to support minimal APIs.</summary>
        /// <param name="hostedServices">The services of a host built elsewhere.</param>
        protected AbstractAspNetCoreFunction(IServiceProvider hostedServices)
        {
            _hostServices = hostedServices;
            AddRegisterBeforeSnapshot();
        }

        /// <summary>Defines the default treatment of response content.</summary>
        public ResponseContentEncoding DefaultResponseContentEncoding { get; set; } = ResponseContentEncoding.Default;

        /// <summary>If true, information about unhandled exceptions thrown during request processing will be included in the HTTP response.</summary>
        public bool IncludeUnhandledExceptionDetailInResponse { get; set; }

        private protected bool IsStarted => _hostServices != null;

        /// <summary>Registers a mapping from a MIME content type to a <see cref="ResponseContentEncoding"/>.</summary>
        public void RegisterResponseContentEncodingForContentType(string contentType, ResponseContentEncoding encoding)
        {
            _responseContentEncodingForContentType[contentType] = encoding;
        }

        /// <summary>Registers a mapping from a content encoding to a <see cref="ResponseContentEncoding"/>.</summary>
        public void RegisterResponseContentEncodingForContentEncoding(string contentEncoding, ResponseContentEncoding encoding)
        {
            _responseContentEncodingForContentEncoding[contentEncoding] = encoding;
        }

        /// <summary>Gets the response content encoding for a content type.</summary>
        public ResponseContentEncoding GetResponseContentEncodingForContentType(string contentType)
        {
            if (string.IsNullOrEmpty(contentType))
            {
                return DefaultResponseContentEncoding;
            }

            var contentTypeWithoutEncoding = contentType.Split(';')[0].Trim();
            return _responseContentEncodingForContentType.TryGetValue(contentTypeWithoutEncoding, out var encoding) ? encoding : DefaultResponseContentEncoding;
        }

        /// <summary>Gets the response content encoding for a content encoding.</summary>
        public ResponseContentEncoding GetResponseContentEncodingForContentEncoding(string contentEncoding)
        {
            if (string.IsNullOrEmpty(contentEncoding))
            {
                return DefaultResponseContentEncoding;
            }

            return _responseContentEncodingForContentEncoding.TryGetValue(contentEncoding, out var encoding) ? encoding : DefaultResponseContentEncoding;
        }

        /// <summary>
        /// Method to initialize the web builder before starting the web host. In a typical Web API this is similar to
        /// the main function. Setting the Startup class is required in this method.
        /// </summary>
        /// <param name="builder">The web host builder.</param>
        protected virtual void Init(IWebHostBuilder builder)
        {
        }

        /// <summary>Method to initialize the host builder before starting the host.</summary>
        /// <param name="builder">The host builder.</param>
        protected virtual void Init(IHostBuilder builder)
        {
        }

        /// <summary>
        /// Creates the IHostBuilder similar to Host.CreateDefaultBuilder but replacing the registration of the Kestrel
        /// web server with a registration for Lambda.
        /// </summary>
        /// <returns>The host builder.</returns>
        protected virtual IHostBuilder CreateHostBuilder()
        {
            var builder = Host.CreateDefaultBuilder()
                .ConfigureWebHostLambdaDefaults(webBuilder =>
                {
                    Init(webBuilder);
                });

            Init(builder);
            return builder;
        }

        /// <summary>
        /// Return one or more <see cref="HttpRequestMessage"/>s that will be used to invoke routes of the function
        /// before the SnapStart snapshot is taken (each one 5 times), to warm up the ASP.NET Core and Lambda pipelines.
        /// The requests must have a relative <see cref="HttpRequestMessage.RequestUri"/>. This method is registered
        /// with <see cref="SnapshotRestore.RegisterBeforeSnapshot"/> when the host starts.
        /// </summary>
        /// <returns>The warm-up requests.</returns>
        protected virtual IEnumerable<HttpRequestMessage> GetBeforeSnapshotRequests() => Enumerable.Empty<HttpRequestMessage>();

        /// <summary>Called after the IHost is created from the IHostBuilder and the services have been configured; the host has not been started yet.</summary>
        /// <param name="webHost">The host.</param>
        protected virtual void PostCreateHost(IHost webHost)
        {
        }

        /// <summary>
        /// Called after the IWebHost is created from the IWebHostBuilder and the services have been configured (package
        /// versions that build an IWebHost). The host has not been started yet.
        /// </summary>
        /// <param name="webHost">The web host.</param>
        protected virtual void PostCreateWebHost(IWebHost webHost)
        {
        }

        /// <summary>Builds and starts the host. Should be called in the derived constructor when the startup mode is not <see cref="StartupMode.Constructor"/>.</summary>
        protected void Start()
        {
            var builder = CreateHostBuilder();
            builder.ConfigureServices(services =>
            {
                Utilities.EnsureLambdaServerRegistered(services);
            });

            var host = builder.Build();
            PostCreateHost(host);

            host.Start();
            _hostServices = host.Services;

            AddRegisterBeforeSnapshot();
        }

        /// <summary>This method is what the Lambda function handler points to.</summary>
        /// <param name="request">The Lambda event.</param>
        /// <param name="lambdaContext">The Lambda context.</param>
        /// <returns>The Lambda response.</returns>
        [LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]
        public virtual Task<TRESPONSE> FunctionHandlerAsync(TREQUEST request, ILambdaContext lambdaContext)
        {
            if (!IsStarted)
            {
                Start();
            }

            var features = new InvokeFeatures();
            MarshallRequest(features, request, lambdaContext);
            PostMarshallItemsFeatureFeature(features.Get<IItemsFeature>(), request, lambdaContext);

            // The stand-in carries no request pipeline: every request is answered 501.
            var responseFeature = features.Get<IHttpResponseFeature>();
            responseFeature.StatusCode = 501;
            return Task.FromResult(MarshallResponse(responseFeature, lambdaContext, 501));
        }

        /// <summary>Allows a derived class to add to the items of the ASP.NET Core request.</summary>
        protected virtual void PostMarshallItemsFeatureFeature(IItemsFeature aspNetCoreItemFeature, TREQUEST lambdaRequest, ILambdaContext lambdaContext)
        {
        }

        /// <summary>Allows a derived class to customize the authentication feature of the ASP.NET Core request.</summary>
        protected virtual void PostMarshallHttpAuthenticationFeature(IHttpAuthenticationFeature aspNetCoreHttpAuthenticationFeature, TREQUEST lambdaRequest, ILambdaContext lambdaContext)
        {
        }

        /// <summary>Allows a derived class to customize the ASP.NET Core request.</summary>
        protected virtual void PostMarshallRequestFeature(IHttpRequestFeature aspNetCoreRequestFeature, TREQUEST lambdaRequest, ILambdaContext lambdaContext)
        {
        }

        /// <summary>Allows a derived class to customize the connection feature of the ASP.NET Core request.</summary>
        protected virtual void PostMarshallConnectionFeature(IHttpConnectionFeature aspNetCoreConnectionFeature, TREQUEST lambdaRequest, ILambdaContext lambdaContext)
        {
        }

        /// <summary>Allows a derived class to customize the TLS connection feature of the ASP.NET Core request.</summary>
        protected virtual void PostMarshallTlsConnectionFeature(ITlsConnectionFeature aspNetCoreConnectionFeature, TREQUEST lambdaRequest, ILambdaContext lambdaContext)
        {
        }

        /// <summary>Allows a derived class to customize the Lambda response.</summary>
        protected virtual void PostMarshallResponseFeature(IHttpResponseFeature aspNetCoreResponseFeature, TRESPONSE lambdaResponse, ILambdaContext lambdaContext)
        {
        }

        /// <summary>Converts the Lambda event into the ASP.NET Core request features.</summary>
        protected abstract void MarshallRequest(InvokeFeatures features, TREQUEST lambdaRequest, ILambdaContext lambdaContext);

        /// <summary>Converts the ASP.NET Core response into the Lambda response.</summary>
        protected abstract TRESPONSE MarshallResponse(IHttpResponseFeature responseFeatures, ILambdaContext lambdaContext, int statusCodeIfNotSet = 200);

        private void AddRegisterBeforeSnapshot()
        {
            SnapshotRestore.RegisterBeforeSnapshot(async () =>
            {
                // The package converts each request to a Lambda event and runs it 5 times through the pipeline.
                foreach (var request in GetBeforeSnapshotRequests())
                {
                    for (var i = 0; i < 5; i++)
                    {
                        await Task.Yield();
                    }

                    request.Dispose();
                }
            });
        }
    }
}
