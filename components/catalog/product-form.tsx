'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Alert } from '@/components/ui/alert';
import { Field } from '@/components/ui/field';
import { useServerForm } from '@/components/ui/use-server-form';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextareaField } from '@/components/ui/textarea-field';
import { PRODUCT_LIMITS } from '@/server/domain/catalog/product-rules';
import { createProductSchema, type CreateProductInput } from '@/server/schemas/catalog';

type Values = CreateProductInput;

const FIELDS = ['sku', 'name', 'description', 'unit', 'category', 'active'] as const;

/**
 * Create a product, or edit one (`productId`): name, description, unit, category, active. Both
 * check the create rules; when editing, the SKU is shown read-only and not sent (it does not change).
 */
export function ProductForm({
  productId,
  initial,
  categories,
}: {
  productId?: string;
  initial: Values;
  categories: string[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const listId = useId();
  const { form, formError, setFormError, onServerError } = useServerForm<Values>({
    schema: createProductSchema,
    fields: FIELDS,
    defaultValues: initial,
  });
  const create = useMutation(
    trpc.staffCatalog.createProduct.mutationOptions({
      onError: onServerError,
      onSuccess: (created) => router.push(`/staff/catalog/${encodeURIComponent(created.sku)}?created=1`),
    }),
  );
  const update = useMutation(
    trpc.staffCatalog.updateProduct.mutationOptions({ onError: onServerError, onSuccess: () => router.refresh() }),
  );
  const errors = form.formState.errors;

  return (
    <form
      className="form"
      noValidate
      aria-label={productId ? 'Edit product' : 'New product'}
      onSubmit={form.handleSubmit(({ sku, ...values }) => {
        setFormError(null);
        if (productId) update.mutate({ ...values, productId });
        else create.mutate({ ...values, sku });
      })}
    >
      {update.isSuccess && <Alert tone="success">Product saved.</Alert>}
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field
        label="SKU"
        autoComplete="off"
        readOnly={Boolean(productId)}
        maxLength={PRODUCT_LIMITS.sku}
        hint={
          productId
            ? 'The SKU names the product in orders and the ERP; it does not change.'
            : 'Letters, digits, points, hyphens and underscores; stored in capitals.'
        }
        error={errors.sku?.message}
        {...form.register('sku')}
      />
      <Field
        label="Name"
        autoComplete="off"
        maxLength={PRODUCT_LIMITS.name}
        error={errors.name?.message}
        {...form.register('name')}
      />
      <TextareaField
        label="Description"
        maxLength={PRODUCT_LIMITS.description}
        error={errors.description?.message}
        {...form.register('description')}
      />
      <Field
        label="Unit"
        hint="How it is sold: each, box, pack of 12 …"
        autoComplete="off"
        maxLength={PRODUCT_LIMITS.unit}
        error={errors.unit?.message}
        {...form.register('unit')}
      />
      <Field
        label="Category"
        list={listId}
        autoComplete="off"
        maxLength={PRODUCT_LIMITS.category}
        error={errors.category?.message}
        {...form.register('category')}
      />
      <datalist id={listId}>
        {categories.map((category) => (
          <option key={category} value={category} />
        ))}
      </datalist>
      <label className="checkbox">
        <input type="checkbox" {...form.register('active')} /> Active: shown in the store
      </label>
      <SubmitButton pending={create.isPending || update.isPending} pendingLabel="Saving…">
        {productId ? 'Save product' : 'Create product'}
      </SubmitButton>
    </form>
  );
}
