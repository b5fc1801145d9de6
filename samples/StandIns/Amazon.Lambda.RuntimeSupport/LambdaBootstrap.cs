using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Amazon.Lambda.RuntimeSupport
{
    /// <summary>Delegate called for each invocation of the Lambda function.</summary>
    public delegate Task<InvocationResponse> LambdaBootstrapHandler(InvocationRequest invocation);

    /// <summary>Delegate called once to initialize the Lambda function; false stops the bootstrap.</summary>
    public delegate Task<bool> LambdaBootstrapInitializer();

    /// <summary>
    /// Class to communicate with the Lambda Runtime API, handle initialization, and run the invoke loop for an AWS
    /// Lambda function.
    /// </summary>
    public class LambdaBootstrap : IDisposable
    {
        private readonly LambdaBootstrapInitializer _initializer;
        private readonly LambdaBootstrapHandler _handler;
        private readonly bool _ownsHttpClient;
        private HttpClient _httpClient;
        private bool _disposed;

        /// <summary>Create a LambdaBootstrap that will call the given initializer and handler.</summary>
        public LambdaBootstrap(HttpClient httpClient, LambdaBootstrapHandler handler, LambdaBootstrapInitializer initializer = null)
            : this(httpClient, handler, initializer, ownsHttpClient: false)
        {
        }

        /// <summary>Create a LambdaBootstrap that will call the given initializer and handler.</summary>
        public LambdaBootstrap(LambdaBootstrapHandler handler, LambdaBootstrapInitializer initializer = null)
            : this(ConstructHttpClient(), handler, initializer, ownsHttpClient: true)
        {
        }

        /// <summary>Create a LambdaBootstrap that will call the given initializer and handler.</summary>
        public LambdaBootstrap(HandlerWrapper handlerWrapper, LambdaBootstrapInitializer initializer = null)
            : this(handlerWrapper.Handler, initializer)
        {
        }

        /// <summary>Create a LambdaBootstrap that will call the given initializer and handler.</summary>
        public LambdaBootstrap(HttpClient httpClient, HandlerWrapper handlerWrapper, LambdaBootstrapInitializer initializer = null)
            : this(httpClient, handlerWrapper.Handler, initializer, ownsHttpClient: false)
        {
        }

        private LambdaBootstrap(HttpClient httpClient, LambdaBootstrapHandler handler, LambdaBootstrapInitializer initializer, bool ownsHttpClient)
        {
            _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
            _handler = handler ?? throw new ArgumentNullException(nameof(handler));
            _ownsHttpClient = ownsHttpClient;
            _initializer = initializer;
        }

        /// <summary>
        /// Run the initialization Func if provided. Then run the invoke loop, calling the handler for each invocation.
        /// </summary>
        /// <returns>A Task that represents the operation.</returns>
        public async Task RunAsync(CancellationToken cancellationToken = default(CancellationToken))
        {
            if (_initializer != null && !await _initializer())
            {
                return;
            }

            // The invoke loop polls the Lambda Runtime API, which exists only inside AWS Lambda: outside it there
            // is no next invocation to wait for.
            cancellationToken.ThrowIfCancellationRequested();
        }

        /// <summary>Utility method for creating an HttpClient used by LambdaBootstrap to interact with the Lambda Runtime API.</summary>
        public static HttpClient ConstructHttpClient()
        {
            return new HttpClient(new SocketsHttpHandler());
        }

        /// <summary>Releases the HTTP client when the bootstrap owns it.</summary>
        protected virtual void Dispose(bool disposing)
        {
            if (!_disposed)
            {
                if (disposing && _ownsHttpClient)
                {
                    _httpClient?.Dispose();
                    _httpClient = null;
                }

                _disposed = true;
            }
        }

        /// <summary>Dispose the bootstrap.</summary>
        public void Dispose()
        {
            Dispose(true);
        }
    }
}
