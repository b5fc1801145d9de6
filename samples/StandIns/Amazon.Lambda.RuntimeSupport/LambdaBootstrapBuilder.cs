using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.RuntimeSupport
{
    /// <summary>
    /// Class to communicate with the Lambda Runtime API, handle initialization, and run the invoke loop for an AWS
    /// Lambda function.
    /// </summary>
    public class LambdaBootstrapBuilder
    {
        private readonly HandlerWrapper _handlerWrapper;
        private HttpClient _httpClient;
        private LambdaBootstrapInitializer _lambdaBootstrapInitializer;

        private LambdaBootstrapBuilder(HandlerWrapper handlerWrapper)
        {
            _handlerWrapper = handlerWrapper;
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create(Action handler)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create(Action<Stream> handler)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create(Action<ILambdaContext> handler)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create(Action<Stream, ILambdaContext> handler)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create(Action<Stream, ILambdaContext, MemoryStream> handler)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create<TInput>(Action<TInput> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput>(handler, serializer));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create<TInput>(Action<TInput, ILambdaContext> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput>(handler, serializer));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create(Func<Task> handler)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create(Func<Stream, Task> handler)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create(Func<ILambdaContext, Task> handler)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Task> handler)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, Task> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput>(handler, serializer));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, ILambdaContext, Task> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput>(handler, serializer));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create(Func<Task<Stream>> handler)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create(Func<Stream, Task<Stream>> handler)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create(Func<ILambdaContext, Task<Stream>> handler)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Task<Stream>> handler)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Task<Stream>> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler, serializer));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, Task<Stream>> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput>(handler, serializer));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, ILambdaContext, Task<Stream>> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput>(handler, serializer));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create<TOutput>(Func<Task<TOutput>> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TOutput>(handler, serializer));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, Task<TOutput>> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TOutput>(handler, serializer));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create<TOutput>(Func<ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TOutput>(handler, serializer));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TOutput>(handler, serializer));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, Task<TOutput>> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput, TOutput>(handler, serializer));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput, TOutput>(handler, serializer));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create(Func<Stream> handler)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create(Func<Stream, Stream> handler)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create(Func<ILambdaContext, Stream> handler)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Stream> handler)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, Stream> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput>(handler, serializer));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, ILambdaContext, Stream> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput>(handler, serializer));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create<TOutput>(Func<TOutput> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TOutput>(handler, serializer));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, TOutput> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TOutput>(handler, serializer));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create<TOutput>(Func<ILambdaContext, TOutput> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TOutput>(handler, serializer));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, ILambdaContext, TOutput> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TOutput>(handler, serializer));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, TOutput> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput, TOutput>(handler, serializer));
        }

        /// <summary>Create a builder for creating the LambdaBootstrap.</summary>
        public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, ILambdaContext, TOutput> handler, ILambdaSerializer serializer)
        {
            return new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput, TOutput>(handler, serializer));
        }

        /// <summary>Configure the bootstrap to use a provided HttpClient.</summary>
        public LambdaBootstrapBuilder UseHttpClient(HttpClient httpClient)
        {
            _httpClient = httpClient;
            return this;
        }

        /// <summary>Configure a custom bootstrap initializer delegate.</summary>
        public LambdaBootstrapBuilder UseBootstrapHandler(LambdaBootstrapInitializer lambdaBootstrapInitializer)
        {
            _lambdaBootstrapInitializer = lambdaBootstrapInitializer;
            return this;
        }

        /// <summary>Build the LambdaBootstrap from the builder configuration.</summary>
        /// <returns>The LambdaBootstrap instance that can be run to start the Lambda runtime client.</returns>
        public LambdaBootstrap Build()
        {
            if (_httpClient == null)
            {
                return new LambdaBootstrap(_handlerWrapper, _lambdaBootstrapInitializer);
            }

            return new LambdaBootstrap(_httpClient, _handlerWrapper, _lambdaBootstrapInitializer);
        }
    }
}
