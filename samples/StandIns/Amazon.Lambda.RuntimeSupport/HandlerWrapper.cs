using System;
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.RuntimeSupport
{
    /// <summary>
    /// This class provides methods that help you wrap existing C# Lambda implementations with LambdaBootstrapHandler
    /// delegates. This makes serialization and deserialization simpler and allows you to use existing functions with
    /// them.
    /// </summary>
    public class HandlerWrapper : IDisposable
    {
        private HandlerWrapper(Delegate userHandler, ILambdaSerializer serializer)
        {
            UserHandler = userHandler;
            Serializer = serializer;
            Handler = invocation => throw new NotSupportedException(
                "The Lambda Runtime API is only reachable inside AWS Lambda.");
        }

        /// <summary>The handler that will be called for each event.</summary>
        public LambdaBootstrapHandler Handler { get; private set; }

        internal Delegate UserHandler { get; }

        internal ILambdaSerializer Serializer { get; }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper(Action handler)
        {
            return new HandlerWrapper(handler, null);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper(Action<Stream> handler)
        {
            return new HandlerWrapper(handler, null);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper(Action<ILambdaContext> handler)
        {
            return new HandlerWrapper(handler, null);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper(Action<Stream, ILambdaContext> handler)
        {
            return new HandlerWrapper(handler, null);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper(Action<Stream, ILambdaContext, MemoryStream> handler)
        {
            return new HandlerWrapper(handler, null);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper<TInput>(Action<TInput> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper<TInput>(Action<TInput, ILambdaContext> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper(Func<Task> handler)
        {
            return new HandlerWrapper(handler, null);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper(Func<Stream, Task> handler)
        {
            return new HandlerWrapper(handler, null);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper(Func<ILambdaContext, Task> handler)
        {
            return new HandlerWrapper(handler, null);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper(Func<Stream, ILambdaContext, Task> handler)
        {
            return new HandlerWrapper(handler, null);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper<TInput>(Func<TInput, Task> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper<TInput>(Func<TInput, ILambdaContext, Task> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper(Func<Task<Stream>> handler)
        {
            return new HandlerWrapper(handler, null);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper(Func<Stream, Task<Stream>> handler)
        {
            return new HandlerWrapper(handler, null);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper(Func<ILambdaContext, Task<Stream>> handler)
        {
            return new HandlerWrapper(handler, null);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper(Func<Stream, ILambdaContext, Task<Stream>> handler)
        {
            return new HandlerWrapper(handler, null);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper(Func<Stream, ILambdaContext, Task<Stream>> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper<TInput>(Func<TInput, Task<Stream>> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper<TInput>(Func<TInput, ILambdaContext, Task<Stream>> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<Task<TOutput>> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<Stream, Task<TOutput>> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<Stream, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper<TInput, TOutput>(Func<TInput, Task<TOutput>> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper<TInput, TOutput>(Func<TInput, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper(Func<Stream> handler)
        {
            return new HandlerWrapper(handler, null);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper(Func<Stream, Stream> handler)
        {
            return new HandlerWrapper(handler, null);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper(Func<ILambdaContext, Stream> handler)
        {
            return new HandlerWrapper(handler, null);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper(Func<Stream, ILambdaContext, Stream> handler)
        {
            return new HandlerWrapper(handler, null);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper<TInput>(Func<TInput, Stream> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper<TInput>(Func<TInput, ILambdaContext, Stream> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<TOutput> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<Stream, TOutput> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<ILambdaContext, TOutput> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper<TOutput>(Func<Stream, ILambdaContext, TOutput> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper<TInput, TOutput>(Func<TInput, TOutput> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Get a HandlerWrapper that will call the given delegate on function invocation.</summary>
        public static HandlerWrapper GetHandlerWrapper<TInput, TOutput>(Func<TInput, ILambdaContext, TOutput> handler, ILambdaSerializer serializer)
        {
            return new HandlerWrapper(handler, serializer);
        }

        /// <summary>Dispose the HandlerWrapper.</summary>
        public void Dispose()
        {
        }
    }
}
