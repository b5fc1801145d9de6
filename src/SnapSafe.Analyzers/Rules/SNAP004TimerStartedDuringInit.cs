using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>
    /// SNAP004: timers and timeouts that start counting during init: a <c>System.Threading.Timer</c> created
    /// with a due time, a <c>PeriodicTimer</c>, a <c>CancellationTokenSource(TimeSpan)</c>, an enabled
    /// <c>System.Timers.Timer</c>, and the calls that start a kept one (<c>Start()</c>, <c>Change(...)</c>,
    /// <c>CancelAfter(...)</c>, <c>Enabled = true</c>); and a generic host started during init (<c>Start</c>,
    /// <c>StartAsync</c>, <c>Run</c>, <c>RunAsync</c> on an <c>IHost</c> before the Lambda runtime starts), which starts
    /// its hosted services (<c>IHostedService</c>, <c>BackgroundService</c>) before the snapshot.
    /// </summary>
    internal sealed class SNAP004TimerStartedDuringInit : IValueHazard, IStartHazard, IInitCallHazard
    {
        public static readonly SNAP004TimerStartedDuringInit Instance = new SNAP004TimerStartedDuringInit();

        private SNAP004TimerStartedDuringInit()
        {
        }

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP004TimerStartedDuringInit;

        public DiagnosticDescriptor Rule => Descriptor;

        /// <summary>Starting the timer again in an after-restore hook restarts it: it is then not kept stale.</summary>
        public bool RepeatingRestarts => true;

        /// <summary>A creation that starts counting at once.</summary>
        public bool TryMatch(IOperation operation, IHazardContext context, out HazardSource source)
        {
            source = default;
            if (operation is not IObjectCreationOperation creation)
            {
                return false;
            }

            var types = context.Types;
            var type = creation.Type;
            string? api = null;
            if (KnownTypes.IsOrDerives(type, types.ThreadingTimer))
            {
                if (creation.Arguments.Length >= 3 && !IsInfinite(ArgumentNamed(creation.Arguments, "dueTime") ?? creation.Arguments[2].Value, types))
                {
                    api = "System.Threading.Timer";
                }
            }
            else if (KnownTypes.IsOrDerives(type, types.PeriodicTimer))
            {
                api = "PeriodicTimer";
            }
            else if (KnownTypes.IsOrDerives(type, types.CancellationTokenSource))
            {
                if (creation.Arguments.Length == 1 && !IsInfinite(creation.Arguments[0].Value, types))
                {
                    api = "CancellationTokenSource timeout";
                }
            }
            else if (KnownTypes.IsOrDerives(type, types.TimersTimer) && creation.Initializer != null)
            {
                foreach (var initializer in creation.Initializer.Initializers)
                {
                    if (IsEnablingAssignment(initializer, types))
                    {
                        api = "System.Timers.Timer";
                    }
                }
            }

            if (api == null)
            {
                return false;
            }

            source = new HazardSource(Descriptor, api, operation);
            return true;
        }

        /// <summary>
        /// A call (or <c>Enabled = true</c>) that starts an existing timer; <paramref name="receiver"/> is the timer.
        /// </summary>
        public bool TryMatchStart(IOperation operation, IHazardContext context, out IOperation? receiver, out string api)
        {
            var types = context.Types;
            receiver = null;
            api = string.Empty;
            switch (operation)
            {
                case IInvocationOperation { Instance: { } instance, TargetMethod: var method } invocation:
                    if (KnownTypes.IsOrDerives(instance.Type, types.TimersTimer) && method.Name == "Start")
                    {
                        api = "System.Timers.Timer";
                    }
                    else if (KnownTypes.IsOrDerives(instance.Type, types.ThreadingTimer) && method.Name == "Change"
                        && invocation.Arguments.Length >= 1 && !IsInfinite(invocation.Arguments[0].Value, types))
                    {
                        api = "System.Threading.Timer";
                    }
                    else if (KnownTypes.IsOrDerives(instance.Type, types.CancellationTokenSource) && method.Name == "CancelAfter"
                        && invocation.Arguments.Length == 1 && !IsInfinite(invocation.Arguments[0].Value, types))
                    {
                        api = "CancellationTokenSource timeout";
                    }

                    if (api.Length > 0)
                    {
                        receiver = instance;
                        return true;
                    }

                    return false;

                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } timer } } assignment
                    when IsEnablingAssignment(assignment, types):
                    receiver = timer;
                    api = "System.Timers.Timer";
                    return true;

                default:
                    return false;
            }
        }

        /// <summary>
        /// <c>host.StartAsync()</c>, <c>host.Start()</c>, <c>host.RunAsync()</c>, <c>host.Run()</c> on an <c>IHost</c> in init
        /// code. The statement that starts the Lambda runtime (a minimal API's <c>app.Run()</c>) is not init code, so it
        /// never gets here.
        /// </summary>
        public bool TryMatchCall(IInvocationOperation invocation, IHazardContext context, out string api)
        {
            api = string.Empty;
            var name = invocation.TargetMethod.Name;
            if (name != "Start" && name != "StartAsync" && name != "Run" && name != "RunAsync")
            {
                return false;
            }

            var host = OperationFacts.Receiver(invocation)?.Type;
            if (!KnownTypes.Implements(host, context.Types.IHost))
            {
                return false;
            }

            api = name + "()";
            return true;
        }

        /// <summary>A host started during init: reported at the start call, with no automatic fix.</summary>
        public void Report(InitCall call, InitPhase phase, ICollection<Finding> findings)
        {
            var host = OperationFacts.Receiver(call.Invocation) is { } receiver && OperationFacts.SymbolOf(OperationFacts.Unwrap(receiver)) is { } symbol ? symbol.Name : "host";
            findings.Add(new Finding(Descriptor, call.Syntax.GetLocation(), ImmutableArray<Location>.Empty, ImmutableDictionary<string, string?>.Empty, new object[] { host, "generic host and its hosted services (" + call.Api + ")" }, OriginsOf(call)));
        }

        private static ImmutableArray<ISymbol> OriginsOf(InitCall call)
            => call.Frame.Origin == null ? ImmutableArray<ISymbol>.Empty : ImmutableArray.Create(call.Frame.Origin);

        private static bool IsEnablingAssignment(IOperation operation, KnownTypes types)
            => operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { Name: "Enabled" } property }, Value: var value }
                && KnownTypes.IsOrDerives(property.ContainingType, types.TimersTimer)
                && value.ConstantValue.HasValue && value.ConstantValue.Value is true;

        private static IOperation? ArgumentNamed(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, string name)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == name)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary><c>Timeout.Infinite</c>, <c>-1</c>, <c>Timeout.InfiniteTimeSpan</c>: a timer that is not started.</summary>
        public static bool IsInfinite(IOperation value, KnownTypes types)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value.ConstantValue.HasValue)
            {
                switch (value.ConstantValue.Value)
                {
                    case int i: return i == -1;
                    case long l: return l == -1;
                    case uint u: return u == uint.MaxValue;
                }
            }

            return value is IFieldReferenceOperation { Field: { Name: "InfiniteTimeSpan" } field }
                && (KnownTypes.Is(field.ContainingType, types.Timeout) || KnownTypes.Is(field.ContainingType, types.TimeSpan));
        }
    }
}
