using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>
    /// SNAP049: an after-restore hook (its body, and the methods of the compilation it calls, a few calls deep) that
    /// awaits network work with nothing bounding its time: connection opens (ADO.NET, Redis, sockets, web sockets,
    /// RabbitMQ, gRPC), AWS SDK calls (secret fetches among them), HTTP requests, DNS lookups, and the methods listed in
    /// <c>snapsafe.connection_methods</c>/<c>snapsafe.secret_methods</c>. Work is bounded when the call receives a
    /// <c>CancellationToken</c> from a <c>CancellationTokenSource</c> created with a timeout (or given one with
    /// <c>CancelAfter</c>, or linked to such a token), or when the awaited task is wrapped in <c>WaitAsync</c> with a
    /// timeout or such a token. A token that arrives as a parameter SnapSafe cannot trace (the method is not reached
    /// from the hook) counts as bounded: its caller decides. Reported at the call in the hook body (for work in a
    /// called method: at that method's call in the hook).
    /// </summary>
    internal sealed class SNAP049AfterRestoreWorkUnbounded : IModelRule
    {
        private const int MaxDepth = 3;
        private const int MaxTokenDepth = 10;

        public static readonly SNAP049AfterRestoreWorkUnbounded Instance = new SNAP049AfterRestoreWorkUnbounded();

        private SNAP049AfterRestoreWorkUnbounded()
        {
        }

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP049AfterRestoreWorkUnbounded;

        public void Find(InitPhase phase, ICollection<Finding> findings)
        {
            if (phase.Types.SnapshotRestore == null)
            {
                return;
            }

            foreach (var hook in phase.Hooks.All)
            {
                if (!hook.AfterRestore)
                {
                    continue;
                }

                foreach (var body in hook.Bodies)
                {
                    var isMethod = !(body.Parent is IAnonymousFunctionOperation);
                    foreach (var (call, api) in UnboundedWork(body, hook.Frame.Arguments, phase, 0, new HashSet<SyntaxNode>()))
                    {
                        var request = new FixRequest { HookIsMethod = isMethod };
                        var origins = hook.Frame.Origin == null ? ImmutableArray<ISymbol>.Empty : ImmutableArray.Create(hook.Frame.Origin);
                        findings.Add(new Finding(Descriptor, call.Syntax.GetLocation(), ImmutableArray<Location>.Empty, request.ToProperties(), new object[] { api }, origins));
                    }
                }
            }
        }

        /// <summary>
        /// The calls in <paramref name="body"/> (outside nested closures) that await unbounded network work: the awaited
        /// network call itself, or the call of a method of the compilation that awaits such work.
        /// </summary>
        private static IEnumerable<(IInvocationOperation Call, string Api)> UnboundedWork(IOperation body, ImmutableDictionary<IParameterSymbol, IOperation> arguments, InitPhase phase, int depth, HashSet<SyntaxNode> seen)
        {
            if (!seen.Add(body.Syntax))
            {
                yield break;
            }

            foreach (var operation in body.Descendants())
            {
                if (operation is not IInvocationOperation invocation || OperationFacts.IsInsideClosure(operation, body))
                {
                    continue;
                }

                var method = invocation.TargetMethod;
                if (IsAwaited(invocation, arguments, phase, out var waitBound) && IsNetworkWork(invocation, phase, out var api))
                {
                    if (!waitBound && !ReceivesBoundedToken(invocation, arguments, phase, 0))
                    {
                        yield return (invocation, api);
                    }

                    continue;
                }

                if (depth < MaxDepth && SymbolFacts.IsInSource(method) && SourceBodies.HasBody(method) && method.MethodKind != MethodKind.LocalFunction
                    && phase.Bodies.BodyOf(method.OriginalDefinition) is { } callee
                    && !(IsAwaited(invocation, arguments, phase, out var calleeBound) && calleeBound))
                {
                    var bound = InitFrame.NoArguments.ToBuilder();
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter != null)
                        {
                            bound[argument.Parameter.OriginalDefinition] = Resolve(argument.Value, arguments);
                        }
                    }

                    foreach (var (_, innerApi) in UnboundedWork(callee, bound.ToImmutable(), phase, depth + 1, seen))
                    {
                        // Reported once, at the call in this body, naming the first unbounded work it leads to.
                        yield return (invocation, innerApi);
                        break;
                    }
                }
            }
        }

        /// <summary>A parameter bound by the caller in the hook stands for the caller's argument.</summary>
        private static IOperation Resolve(IOperation value, ImmutableDictionary<IParameterSymbol, IOperation> arguments)
            => OperationFacts.Unwrap(value) is IParameterReferenceOperation parameter && arguments.TryGetValue(parameter.Parameter.OriginalDefinition, out var argument)
                ? argument
                : value;

        /// <summary>
        /// True when the call's task is awaited (directly, through <c>ConfigureAwait</c>, or through <c>WaitAsync</c>);
        /// <paramref name="bounded"/> is true when a <c>WaitAsync</c> with a timeout (or a bounded token) wraps it.
        /// </summary>
        private static bool IsAwaited(IInvocationOperation call, ImmutableDictionary<IParameterSymbol, IOperation> arguments, InitPhase phase, out bool bounded)
        {
            bounded = false;
            IOperation current = call;
            while (true)
            {
                var parent = current.Parent;
                while (parent is IConversionOperation or IParenthesizedOperation)
                {
                    parent = parent.Parent;
                }

                if (parent is IInvocationOperation next && OperationFacts.Receiver(next) is { } receiver && OperationFacts.Unwrap(receiver) == current)
                {
                    var name = next.TargetMethod.Name;
                    if (name == "WaitAsync")
                    {
                        bounded |= HasTimeoutArgument(next, arguments, phase);
                    }
                    else if (name != "ConfigureAwait" && name != "AsTask")
                    {
                        return false;
                    }

                    current = next;
                    continue;
                }

                return parent is IAwaitOperation;
            }
        }

        /// <summary>
        /// <c>WaitAsync(TimeSpan)</c>, <c>WaitAsync(TimeSpan, token)</c> (not <c>Timeout.InfiniteTimeSpan</c>), or a
        /// <c>WaitAsync(token)</c> whose token is bounded.
        /// </summary>
        private static bool HasTimeoutArgument(IInvocationOperation waitAsync, ImmutableDictionary<IParameterSymbol, IOperation> arguments, InitPhase phase)
        {
            foreach (var argument in waitAsync.Arguments)
            {
                var type = argument.Parameter?.Type;
                if (type?.Name == "TimeSpan" && argument.ArgumentKind == ArgumentKind.Explicit && !SNAP004TimerStartedDuringInit.IsInfinite(argument.Value, phase.Types))
                {
                    return true;
                }

                if (type?.Name == "CancellationToken" && argument.ArgumentKind == ArgumentKind.Explicit && IsBoundedToken(argument.Value, arguments, phase, 0))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ReceivesBoundedToken(IInvocationOperation call, ImmutableDictionary<IParameterSymbol, IOperation> arguments, InitPhase phase, int depth)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.Explicit && KnownTypes.Is(argument.Parameter?.Type, phase.Types.CancellationToken)
                    && IsBoundedToken(argument.Value, arguments, phase, depth))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A token from a source with a timeout: <c>cts.Token</c> where <c>cts</c> is created with a timeout, given one with
        /// <c>CancelAfter</c>, or linked to a bounded token; a local holding such a token; a parameter the hook binds to
        /// one; or a parameter whose caller SnapSafe does not see.
        /// </summary>
        private static bool IsBoundedToken(IOperation token, ImmutableDictionary<IParameterSymbol, IOperation> arguments, InitPhase phase, int depth)
        {
            token = OperationFacts.Unwrap(token);
            if (depth > MaxTokenDepth)
            {
                return false;
            }

            switch (token)
            {
                case IPropertyReferenceOperation { Property.Name: "Token", Instance: { } source }:
                    return IsBoundedSource(source, arguments, phase, depth + 1);

                case IParameterReferenceOperation parameter:
                    return !arguments.TryGetValue(parameter.Parameter.OriginalDefinition, out var argument) || IsBoundedToken(argument, InitFrame.NoArguments, phase, depth + 1);

                case ILocalReferenceOperation local:
                    foreach (var value in phase.ValuesOf(local))
                    {
                        if (IsBoundedToken(value, arguments, phase, depth + 1))
                        {
                            return true;
                        }
                    }

                    return false;

                default:
                    return false;
            }
        }

        private static bool IsBoundedSource(IOperation source, ImmutableDictionary<IParameterSymbol, IOperation> arguments, InitPhase phase, int depth)
        {
            source = OperationFacts.Unwrap(source);
            if (depth > MaxTokenDepth)
            {
                return false;
            }

            switch (source)
            {
                case IObjectCreationOperation creation:
                    // new CancellationTokenSource(TimeSpan.FromSeconds(5)) / new CancellationTokenSource(5000).
                    return creation.Arguments.Length >= 1 && !SNAP004TimerStartedDuringInit.IsInfinite(creation.Arguments[0].Value, phase.Types);

                case IInvocationOperation { TargetMethod.Name: "CreateLinkedTokenSource" } linked:
                    foreach (var argument in linked.Arguments)
                    {
                        foreach (var element in ElementsOf(argument.Value))
                        {
                            if (IsBoundedToken(element, arguments, phase, depth + 1))
                            {
                                return true;
                            }
                        }
                    }

                    return false;

                case ILocalReferenceOperation local:
                    if (CancelsAfter(local, phase.Types))
                    {
                        return true;
                    }

                    foreach (var value in phase.ValuesOf(local))
                    {
                        if (IsBoundedSource(value, arguments, phase, depth + 1))
                        {
                            return true;
                        }
                    }

                    return false;

                case IFieldReferenceOperation or IPropertyReferenceOperation:
                    foreach (var value in phase.DeclaredInitializersOf(((IMemberReferenceOperation)source).Member))
                    {
                        if (IsBoundedSource(value, arguments, phase, depth + 1))
                        {
                            return true;
                        }
                    }

                    return false;

                case IParameterReferenceOperation parameter:
                    return !arguments.TryGetValue(parameter.Parameter.OriginalDefinition, out var bound) || IsBoundedSource(bound, InitFrame.NoArguments, phase, depth + 1);

                default:
                    return false;
            }
        }

        private static IEnumerable<IOperation> ElementsOf(IOperation value)
        {
            value = OperationFacts.Unwrap(value);
            if (value is IArrayCreationOperation { Initializer: { } initializer })
            {
                return initializer.ElementValues;
            }

            return new[] { value };
        }

        /// <summary><c>cts.CancelAfter(...)</c> (not infinite) on the local, anywhere in the body that declares it.</summary>
        private static bool CancelsAfter(ILocalReferenceOperation local, KnownTypes types)
        {
            foreach (var operation in OperationFacts.RootOf(local).Descendants())
            {
                if (operation is IInvocationOperation { TargetMethod.Name: "CancelAfter", Instance: ILocalReferenceOperation target, Arguments.Length: 1 } cancel
                    && SymbolEqualityComparer.Default.Equals(target.Local, local.Local)
                    && !SNAP004TimerStartedDuringInit.IsInfinite(cancel.Arguments[0].Value, types))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Awaited network work, and how to name it: what SNAP010 counts as opening a connection (or sending through
        /// one), AWS SDK calls, the Secrets Manager caching client, DNS lookups and the configured secret methods.
        /// </summary>
        private static bool IsNetworkWork(IInvocationOperation invocation, InitPhase phase, out string api)
        {
            var types = phase.Types;
            var method = invocation.TargetMethod;
            api = ApiMatch.Describe(method);
            if (!SymbolFacts.IsAwaitable(method.ReturnType))
            {
                return false;
            }

            var connections = SNAP010ConnectionOpenedDuringInit.Instance;
            return connections.TryMatch(invocation, phase, out _)
                || connections.TryMatchStart(invocation, phase, out _, out _)
                || ApiMatch.IsCallOn(invocation, types.IAmazonService)
                || ApiMatch.IsCallOn(invocation, types.SecretsManagerCache)
                || (KnownTypes.Is(method.ContainingType, types.Dns) && method.Name.EndsWith("Async", System.StringComparison.Ordinal))
                || ApiMatch.IsConfigured(method, phase.Options.SecretMethods);
        }
    }
}
