using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>General questions about operation trees that the model and the rules ask.</summary>
    internal static class OperationFacts
    {
        /// <summary>Strips conversions and parentheses.</summary>
        public static IOperation Unwrap(IOperation? operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation!;
                }
            }
        }

        /// <summary>The body (operation root) that contains an operation.</summary>
        public static IOperation RootOf(IOperation operation)
        {
            var current = operation;
            while (current.Parent != null)
            {
                current = current.Parent;
            }

            return current;
        }

        /// <summary>True when the operation sits inside a lambda or local function (it runs when that is called).</summary>
        public static bool IsInsideClosure(IOperation operation)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the operation sits inside a lambda or local function nested in <paramref name="body"/>.</summary>
        public static bool IsInsideClosure(IOperation operation, IOperation body)
        {
            for (var current = operation.Parent; current != null && current != body; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The field, property or local an operation reads or writes, whatever the receiver.</summary>
        public static ISymbol? SymbolOf(IOperation operation) => operation switch
        {
            IFieldReferenceOperation field => field.Field.OriginalDefinition,
            IPropertyReferenceOperation property => property.Property.OriginalDefinition,
            ILocalReferenceOperation local => local.Local,
            _ => null,
        };

        /// <summary>The field or property of the containing type's own instance (or a static one) an operation refers to.</summary>
        public static ISymbol? OwnMemberOf(IOperation operation) => operation switch
        {
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } field => field.Field.OriginalDefinition,
            IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } property => property.Property.OriginalDefinition,
            _ => null,
        };

        /// <summary>For <c>_x?.Dispose()</c>, the <c>_x</c> the conditional access tests; otherwise the operation itself.</summary>
        public static IOperation ConditionalReceiver(IOperation instance)
        {
            if (instance is IConditionalAccessInstanceOperation)
            {
                for (var current = instance.Parent; current != null; current = current.Parent)
                {
                    if (current is IConditionalAccessOperation access)
                    {
                        return Unwrap(access.Operation);
                    }
                }
            }

            return instance;
        }

        /// <summary>
        /// The call and parameter a closure (a lambda, or a delegate created from a lambda or a method group) is passed
        /// for, through the delegate creation and conversions around it; false when it is not an argument.
        /// </summary>
        public static bool IsArgument(IOperation closure, out IInvocationOperation? call, out IParameterSymbol? parameter)
        {
            for (var current = closure.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case IDelegateCreationOperation:
                    case IConversionOperation:
                    case IParenthesizedOperation:
                        continue;
                    case IArgumentOperation { Parameter: { } argumentParameter, Parent: IInvocationOperation invocation }:
                        call = invocation;
                        parameter = argumentParameter;
                        return true;
                }

                break;
            }

            call = null;
            parameter = null;
            return false;
        }

        /// <summary>The receiver of an instance call, or the first argument of an extension method called like one.</summary>
        public static IOperation? Receiver(IInvocationOperation invocation)
        {
            if (invocation.Instance != null)
            {
                return invocation.Instance;
            }

            return invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
        }
    }
}
